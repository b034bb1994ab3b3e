"""Тексти чат-інтерфейсів (Telegram, `tarot chat`): команди, кнопки, меню, оплата."""

from collections.abc import Mapping

from tarot_domain.content.shapes import Text

MESSAGES: Mapping[str, Text] = {
    # Звертання: ім'я з Telegram не відмінюємо, тож воно стоїть на початку, а не після «Вітаю,».
    "start.welcome_new": (
        "{name}, вітаю! 🔮 Я ваша тарологиня.\n"
        "На початок дарую вам {credits:free-credits}.\n\n"
        "Напишіть своє запитання — я запропоную розклад і назву його ціну, перш ніж щось списати. "
        "Або оберіть розклад через /read. /daily — безкоштовна карта дня, а /help покаже все, що я вмію."
    ),
    "start.welcome_back": (
        "{name}, з поверненням! На вашому балансі {available:credits}.\n"
        "Напишіть запитання, і я запропоную розклад, або оберіть його через /read."
    ),
    "start.welcome_returning": (
        "{name}, вітаю! 🔮 Рада бачити вас знову. Ваші попередні дані видалено, як ви й просили, тож "
        "починаємо з чистого аркуша.\n\n"
        "Напишіть запитання — я запропоную розклад і назву його ціну, або оберіть розклад через /read. "
        "/daily — безкоштовна карта дня, а /buy поповнить ваш баланс."
    ),
    "start.welcome_plain": (
        "{name}, вітаю! 🔮 Я ваша тарологиня.\n\n"
        "Напишіть запитання — я запропоную розклад і назву його ціну, або оберіть розклад через /read. "
        "/daily — безкоштовна карта дня, а /help покаже все, що я вмію."
    ),
    "start.friend": "Друже",
    "help.text": (
        "Що я вмію:\n"
        "/read — обрати розклад і поставити запитання\n"
        "/daily — безкоштовна карта дня\n"
        "/spreads — усі розклади та їхня вартість\n"
        "/balance — ваші кредити\n"
        "/buy — поповнити кредити або оформити підписку\n"
        "/subscription — ваша підписка: коли поновиться, як її зупинити\n"
        "/history — ваші попередні розклади й покупки\n"
        "/deck — обрати колоду, увімкнути чи вимкнути перевернуті карти\n"
        "/language — українська або англійська\n"
        "/forget — видалити ваші дані\n"
        "/cancel — припинити поточну дію\n\n"
        "Або просто напишіть запитання: я запропоную розклад і назву ціну, а карти розкладу, лише коли "
        "ви натиснете кнопку."
    ),
    "help.admin": (
        "Адміністрування:\n"
        "/grant <telegram id> <кількість> <причина> — нарахувати кредити\n"
        "/stats — користувачі та перевірка реєстру\n"
        "/refund <id замовлення або telegram id> — повернути платіж у Stars (за telegram id — список замовлень людини)"
    ),
    "menu.help": "що я вмію",
    "command.unknown": "Вибачте, я не знаю такої команди. /help покаже, що я вмію.",
    "cancel.done": "Скасовано. Напишіть запитання або скористайтеся /read, коли забажаєте.",
    "cancel.nothing": "Нема чого скасовувати.",
    "callback.expired": "Ця кнопка вже не діє. Почніть, будь ласка, спочатку.",
    "error.generic": "У нас щось пішло не так. Спробуйте, будь ласка, за хвилину.",
    "button.skip": "Пропустити",
    "button.cancel": "Скасувати",
    "button.follow_up": "Уточнити ({cost})",
    "button.new_reading": "Новий розклад",
    "button.continue": "Читати далі",
    "button.choose_spread": "Обрати розклад",
    "button.buy": "Купити кредити",
    "button.prev": "« Новіші",
    "button.next": "Старіші »",
    "button.checkout": "Оплатити карткою",
    "button.forget_yes": "Так, видалити мої дані",
    "button.forget_no": "Ні, залишити",
    "button.read_for": "Розкласти за {cost:credits}",
    "button.another_spread": "Обрати інший розклад",
    "button.menu_read": "🔮 Розклад",
    "button.menu_daily": "🌞 Карта дня",
    "button.menu_balance": "Баланс",
    "button.menu_buy": "⭐ Купити",
    "button.menu_help": "Довідка",
    "button.spread": "{name} ({cost})",
    "button.spread_locked": "🔒 {name} ({cost})",
    "read.choose": "Оберіть розклад. Число в дужках — його вартість у кредитах; на вашому балансі {available}.",
    "read.locked": "🔒 Розклад «{spread}» входить до підписки «{tier}». Оформити її можна через /buy.",
    "read.locked_any": "🔒 Розклад «{spread}» вам недоступний.",
    "read.chosen": "{name}: {cards:cards}, {cost:credits}.\n{description}",
    "read.questionnaire_intro": "Спершу поставлю {count:short-questions}, щоб тлумачення було точнішим.",
    "read.prompt": "Запитання {number} з {total}: {prompt}\nНаприклад: {hint}",
    "read.ask_question": "Тепер напишіть своє запитання.",
    "read.placeholder": "🔮 Тасую колоду й розкладаю карти…",
    "read.offer": (
        "Для цього запитання пропоную розклад «{spread}»: {cards:cards} за {cost:credits}. На вашому "
        "балансі {available:credits}; нічого не спишеться, доки ви не натиснете кнопку."
    ),
    "read.confirm": "Розклад «{spread}» коштує {cost:credits}, а на вашому балансі {available}. Розкласти карти?",
    "read.confirm_cancelled": "Гаразд, кредити не списано.",
    "read.not_enough": "Розклад «{spread}» коштує {cost:credits}, а на вашому балансі {available}.",
    "read.top_up_below": "Поповніть баланс одним із пакетів нижче або оберіть менший розклад через /read.",
    "read.top_up_none": "Оберіть менший розклад через /read або спробуйте безкоштовну карту дня: /daily.",
    "reading.question": "Ваше запитання: «{question}»",
    "reading.card_line": "• {position}: {card} ({orientation})",
    "reading.follow_up_header": "Уточнення: «{question}»",
    "reading.taken": "{date}",
    "followup.prompt": (
        "Напишіть уточнювальне запитання до цього розкладу (залишилося: {left}; кожне коштує {cost:credits})."
    ),
    "followup.not_enough": "Уточнювальне запитання коштує {cost:credits}, а на вашому балансі {available}.",
    "followup.placeholder": "🔮 Ще раз вдивляюся в карти…",
    "followup.charged": "Використано {cost:credits}; на балансі {available:credits}.",
    "followup.free": "Ця відповідь безкоштовна; на балансі {available:credits}.",
    "daily.header": "🌞 Ваша карта дня",
    "limit.commands": "Ви поспішаєте. Спробуйте, будь ласка, ще раз за {wait}.",
    "limit.readings_free": (
        "Дайте картам трохи перепочити: без підписки можна отримати {rate:readings} на годину. Наступний "
        "розклад можна почати за {wait}. З підпискою — {subscriber_rate} на годину (дивіться /buy)."
    ),
    "limit.readings_subscriber": (
        "Ви замовили багато розкладів за короткий час: ваша підписка передбачає {rate:readings} на годину. "
        "Наступний розклад можна почати за {wait}."
    ),
    "limit.follow_ups": (
        "За годину я відповідаю щонайбільше на {rate:follow-up-questions}. Наступне запитання можна "
        "поставити за {wait}."
    ),
    "limit.busy": (
        "Зараз до карт звертається дуже багато людей, тож мені потрібна коротка пауза. Спробуйте, будь "
        "ласка, ще раз за {wait}; кредити не списано."
    ),
    "wait.seconds": "{seconds:seconds}",
    "wait.minutes": "{minutes:minutes}",
    "wait.hours": "{hours:hours}",
    "wait.hours_minutes": "{hours:hours} {minutes:minutes}",
    "list.and": "{init} і {last}",
    "spreads.locked": "🔒 потрібна підписка «{tier}»",
    "balance.text": "На вашому балансі {available:credits}.",
    "balance.pending": "Ще {pending:credits} зарезервовано для розкладу, який зараз готується.",
    "balance.tier": "Підписка: «{tier}», діє до {until}.",
    "balance.tier_forever": "Підписка: «{tier}».",
    "buy.header": "Поповнення через Telegram Stars ⭐. Оберіть пакет або щомісячну підписку:",
    "buy.header_card": "Оберіть пакет або щомісячну підписку:",
    "buy.unavailable": "Покупки тут зараз недоступні.",
    "buy.pack_button": "{name}: {credits:credits} · {price} ⭐",
    "buy.tier_button": "{name}: {credits:credits} на місяць · {price} ⭐",
    "buy.pack_card_button": "{name}: {credits:credits}",
    "buy.tier_card_button": "{name}: {credits:credits} на місяць",
    "buy.tier_line": (
        "{tier} — це {credits:credits} щомісяця, бонус {bonus}% до пакетів і доступ до розкладів {spreads}."
    ),
    "buy.tier_line_all": "{tier} — це {credits:credits} щомісяця, бонус {bonus}% до пакетів і доступ до всіх розкладів.",
    "buy.quoted": "«{name}»",
    "buy.invoice_pack": "{credits:credits} для розкладів таро.",
    "buy.invoice_tier": (
        "{name}: {credits:credits} щомісяця, більші розклади й бонус {bonus}% до пакетів. Поновлюється "
        "кожні 30 днів, доки ви не скасуєте її в /subscription."
    ),
    "buy.subscribe_link": (
        "«{name}» поновлюється кожні 30 днів, доки ви її не скасуєте (/subscription покаже, коли саме, "
        "і дасть змогу зупинити). Натисніть, щоб оформити підписку за Telegram Stars:"
    ),
    "button.subscribe": "Оформити · {price} ⭐ на місяць",
    "buy.card_link": "Бажаєте оплатити карткою? Відкрийте захищену сторінку оплати:",
    "buy.invoice_sent": "Рахунок надіслано.",
    "pay.thanks_pack": "Дякуємо! ⭐ Нараховано {credits:credits}; тепер на вашому балансі {available:credits}.",
    "pay.thanks_tier": (
        "Дякуємо! Підписка «{tier}» діє до {until}. Нараховано {credits:credits}; тепер на вашому "
        "балансі {available:credits}."
    ),
    "pay.problem": (
        "Ми отримали ваш платіж, але не змогли його зарахувати. Не хвилюйтеся: його записано "
        "(номер {ref}), і ми все виправимо або повернемо кошти."
    ),
    "pay.refunded_user": "Платіж за замовлення {order} повернуто; списано {credits:credits}.",
    "pay.refused": "Цей рахунок уже не можна оплатити. Почніть нову покупку через /buy.",
    "pay.renewed": (
        "«{tier}» поновилася й тепер діє до {until}. Нараховано {credits:credits}; тепер на вашому "
        "балансі {available:credits}."
    ),
    "pay.returned_already_paid": (
        "Це замовлення вже було оплачено, тож ми одразу повернули вам {amount} ⭐. Більше нічого не змінилося."
    ),
    "pay.returned_wrong_amount": (
        "Сума цього платежу не збіглася з ціною замовлення, тож ми одразу повернули вам {amount} ⭐. "
        "Почніть, будь ласка, нову покупку через /buy."
    ),
    "history.purchases": "Ваші покупки (якщо пишете нам, назвіть номер замовлення):",
    "purchase.line": "• {date} · {product} · {price} · {status} · {order}",
    "purchase.status_paid": "оплачено",
    "purchase.status_checking": "на перевірці",
    "purchase.status_refused": "не прийнято",
    "purchase.status_refunded": "повернено",
    "purchase.status_disputed": "оскаржено",
    "subscription.none": (
        "Зараз у вас немає підписки. Підписка щомісяця дає кредити й відкриває більші розклади; "
        "дивіться /buy."
    ),
    "subscription.tier": "Ваша підписка: «{tier}».",
    "subscription.forever": "Вона безстрокова.",
    "subscription.renews_stars": (
        "Вона поновиться {until} за {price} з ваших Telegram Stars. Зупинити поновлення можна будь-коли; "
        "після цього підписка діятиме до {until}."
    ),
    "subscription.renews_card": "Вона поновиться {until} з оплатою карткою.",
    "subscription.ends": "Вона завершиться {until} і не поновиться.",
    "subscription.pass": (
        "Її оформлено одноразово, тож вона завершиться {until} і сама не поновиться. Щоб вона тривала й "
        "далі, оформіть підписку в /buy."
    ),
    "subscription.pass_reminded": (
        "Її оформлено одноразово, тож вона завершиться {until} і сама не поновиться. Я нагадаю вам за "
        "три дні до того; щоб вона тривала й далі, оформіть підписку в /buy."
    ),
    "subscription.stop_confirm": (
        "Зупинити поновлення «{tier}»? Вона діятиме до {until}, і більше нічого не буде списано. "
        "Увімкнути її знову Telegram не дозволить, але оформити нову підписку можна завжди."
    ),
    "subscription.stopped": "Готово: підписка більше не поновлюватиметься. Вона діє до {until}.",
    "subscription.nothing_to_stop": "У вас немає підписки, яка поновлюється.",
    "subscription.stop_failed": (
        "Мені не вдалося зв'язатися з Telegram, щоб зупинити поновлення, тож нічого не змінилося. "
        "Спробуйте, будь ласка, /subscription ще раз за кілька хвилин."
    ),
    "subscription.kept": "Гаразд, підписка діє й далі.",
    "button.stop_renewal": "Зупинити поновлення",
    "button.stop_renewal_yes": "Так, зупинити",
    "button.stop_renewal_no": "Ні, залишити",
    "button.reminders_off": "Не нагадувати",
    "button.reminders_on": "Нагадати перед завершенням",
    "reminders.off": "Зрозуміло: більше не нагадуватиму про завершення підписки.",
    "reminders.on": "Готово: нагадаю за три дні до завершення одноразової підписки.",
    "notice.booked": (
        "Ваш платіж за замовлення {order} надійшов: нараховано {credits:credits}. Перепрошуємо за "
        "очікування!"
    ),
    "notice.booked_tier": (
        "Ваш платіж за замовлення {order} надійшов: «{tier}» діє до {until}, і нараховано "
        "{credits:credits}. Перепрошуємо за очікування!"
    ),
    "notice.returned_already_paid": (
        "Замовлення {order} уже було оплачено, тож ми повернули вам зайво списані {amount} ⭐."
    ),
    "notice.returned_wrong_amount": (
        "Платіж на {amount} ⭐ за замовлення {order} не збігся з його ціною, тож ми його повернули. "
        "Почніть, будь ласка, нову покупку через /buy."
    ),
    "notice.returned_requested": (
        "Кошти за замовлення {order} повернено: {amount} ⭐ знову у вас, а з балансу списано "
        "{credits:credits}."
    ),
    "notice.pass_ending": (
        "Ваша «{tier}» завершиться {until}. Її оформлено одноразово, тож сама вона не поновиться. "
        "Щоб і далі щомісяця отримувати кредити й розклади, оформіть підписку в /buy: вона поновлюється "
        "кожні 30 днів, і зупинити її можна будь-коли."
    ),
    "admin.refund_choose": "Замовлення {ref}, за якими ще є Stars; натисніть, щоб повернути повністю:",
    "admin.refund_none": "У {ref} немає замовлень у Stars, які можна повернути.",
    "admin.refund_button": "Повернути {amount} ⭐ · {order}",
    "history.empty": "У вас ще немає розкладів. Напишіть запитання або скористайтеся /read.",
    "history.header": "Ваші розклади, {first}–{last} із {total}. Натисніть, щоб відкрити:",
    "history.line": "{number}. {date} · {spread} — {question}",
    "history.no_question": "(карта дня)",
    "deck.menu": (
        "Колода: {deck}\nПеревернуті карти: {reversals}\n\nОберіть колоду або змініть налаштування "
        "перевернутих карт:"
    ),
    "deck.on": "увімкнено",
    "deck.off": "вимкнено",
    "deck.reversals_on": "Увімкнути перевернуті карти",
    "deck.reversals_off": "Вимкнути перевернуті карти",
    "language.menu": "Оберіть мову:",
    "language.saved": "Готово: тепер я розмовляю українською.",
    "forget.confirm_readings": (
        "Буде видалено ваш обліковий запис, {count:readings} з уточненнями й ваші налаштування (колода, "
        "перевернуті карти, мова)."
    ),
    "forget.confirm_no_readings": "Буде видалено ваш обліковий запис і налаштування (колода, перевернуті карти, мова).",
    "forget.confirm_credits": "Залишок на балансі ({available:credits}) згорить.",
    "forget.confirm_tier": (
        "{tier} (діє ще {days:days}) завершиться зараз і не поновиться, тож більше нічого не буде списано."
    ),
    "forget.confirm_tier_forever": "{tier} завершиться зараз.",
    "forget.confirm_final": "Цю дію не можна скасувати. Видалити все?",
    "forget.not_now": (
        "Зараз не вдалося скасувати вашу підписку, тож нічого не видалено й більше нічого не списано. "
        "Спробуйте /forget ще раз за кілька хвилин."
    ),
    "forget.subscription_cancelled": "Вашу підписку скасовано: більше нічого не буде списано.",
    "forget.done": "Готово: ваші дані й {count:readings} видалено. Надішліть /start, якщо захочете повернутися.",
    "forget.kept": "Нічого не видалено.",
    "admin.grant_usage": "Використання: /grant <telegram id або telegram:ref> <кількість> <причина…>",
    "admin.granted": "Користувачу {ref} нараховано {amount:credits}; тепер на балансі {available:credits}.",
    "admin.granted_user": "Вам нараховано {amount:credits}. Причина: {reason}",
    "admin.stats": "Користувачів: {users}\nРеєстр: {ledger} ({accounts:accounts}, {pending:pending-holds})",
    "admin.stats_ok": "гаразд",
    "admin.stats_violations": "{count:violations}",
    "admin.refund_usage": "Використання: /refund <id замовлення>",
    "admin.refund_unavailable": "Для повернень потрібне сховище замовлень, якого бот не отримав.",
    "admin.refund_not_stars": "Замовлення {order} не є оплаченим замовленням у Telegram Stars (статус {status}).",
    "admin.refund_no_chat": "У покупця замовлення {order} немає облікового запису Telegram; поверніть вручну.",
    "admin.refunded": (
        "Повернено {amount} ⭐ за замовлення {order}: списано {taken:credits} (нестача — {shortfall})."
    ),
    "admin.refund_recorded_before": "Повернено {amount} ⭐ за замовлення {order}; повернення вже було записано.",
    # payments (exactly once, flagged money)
    "pay.pending": (
        "Ми отримали ваш платіж, дякуємо. Кредити з'являться на балансі за кілька хвилин. "
        "Номер платежу: {ref}."
    ),
    "pay.flagged": (
        "Ми отримали ваш платіж, дякуємо. Перш ніж нарахувати кредити, ми перевіримо його вручну "
        "і зв'яжемося з вами. Номер платежу: {ref}."
    ),
    "pay.booked": "Дякуємо! Платіж зараховано (номер {ref}); кредити можна переглянути через /balance.",
    "pay.unreadable": (
        "Зараз ми не можемо перевірити це замовлення, тож кошти не списано. Спробуйте, будь ласка, "
        "за кілька хвилин."
    ),
    "pay.already_paid": "Це замовлення вже оплачено, тож платити вдруге не потрібно. Дивіться /balance.",
    "pay.unknown_order": "Ми не знаємо такого замовлення. Почніть, будь ласка, нову покупку через /buy.",
}
