# ruff: noqa: E501  (data file: long human sentences read better unbroken, as in i18n/locales)
"""The bot's own strings, in English and Ukrainian (formal "ви").

They live here rather than in `tarot_domain/i18n/locales/` because they belong to this frontend alone;
`t()` falls back to the domain's `translate` for shared keys (errors, `reading.*`, `spreads.*`), so one
call finds either. Values are `str.format` templates; English is complete and is the fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tarot_domain.i18n import translate

EN: Mapping[str, str] = {
    # start and help
    "start.welcome_new": (
        "Welcome, {name}! 🔮 I'm your tarot reader.\n"
        "As a welcome gift you have {credits} free credits.\n\n"
        "Type your question to get a three-card reading, or use /read to choose a spread. "
        "/daily gives you a free card of the day, and /help lists everything I can do."
    ),
    "start.welcome_back": (
        "Welcome back, {name}! You have {available} credits.\n"
        "Type your question for a three-card reading, or use /read to choose a spread."
    ),
    "start.friend": "friend",
    "help.text": (
        "What I can do:\n"
        "/read — choose a spread and ask your question\n"
        "/daily — a free card of the day\n"
        "/spreads — all spreads and what they cost\n"
        "/balance — your credits\n"
        "/buy — top up credits or subscribe\n"
        "/history — your past readings\n"
        "/deck — choose a deck, turn reversed cards on or off\n"
        "/language — English or Ukrainian\n"
        "/forget — delete your data\n"
        "/cancel — stop what we are doing\n\n"
        "Or simply type a question: I'll lay out three cards for {cost} credits."
    ),
    "help.admin": (
        "Admin:\n"
        "/grant <telegram id> <amount> <reason> — give credits\n"
        "/stats — users and the ledger check\n"
        "/refund <order id> — refund a Stars payment"
    ),
    "command.unknown": "Sorry, I don't know that command. /help lists what I can do.",
    "cancel.done": "Cancelled. Type a question or use /read whenever you like.",
    "cancel.nothing": "There's nothing to cancel.",
    "callback.expired": "This button has expired. Please start again.",
    "error.generic": "Something went wrong on our side. Please try again in a moment.",
    # buttons
    "button.skip": "Skip",
    "button.cancel": "Cancel",
    "button.follow_up": "Ask a follow-up ({cost})",
    "button.new_reading": "New reading",
    "button.choose_spread": "Choose a spread",
    "button.buy": "Buy credits",
    "button.prev": "« Newer",
    "button.next": "Older »",
    "button.checkout": "Pay by card",
    "button.forget_yes": "Yes, delete my data",
    "button.forget_no": "No, keep it",
    "button.confirm_reading": "Yes, read the cards ({cost})",
    "button.spread": "{name} ({cost})",
    "button.spread_locked": "🔒 {name} ({cost})",
    # choosing a spread and asking
    "read.choose": "Choose a spread. The number is its cost in credits; you have {available}.",
    "read.locked": "🔒 “{spread}” is part of the {tier}. See /buy to subscribe.",
    "read.locked_any": "🔒 “{spread}” isn't available to you.",
    "read.chosen": "{name}: {cards} cards, {cost} credits.\n{description}",
    "read.questionnaire_intro": "First, {count} short questions to tune the reading.",
    "read.prompt": "Question {number} of {total}: {prompt}\nFor example: {hint}",
    "read.ask_question": "Now type your question.",
    "read.placeholder": "🔮 Shuffling the deck and drawing your cards…",
    "read.confirm": "“{spread}” costs {cost} credits; you have {available}. Shall I read the cards?",
    "read.confirm_cancelled": "Alright, nothing was charged.",
    "read.not_enough": (
        "“{spread}” costs {cost} credits and you have {available}. Top up with /buy, or choose a "
        "smaller spread with /read."
    ),
    "reading.question": "Your question: “{question}”",
    "reading.card_line": "• {position}: {card} ({orientation})",
    "reading.follow_up_header": "Follow-up: “{question}”",
    "reading.taken": "{date}",
    # follow-ups
    "followup.prompt": "Type your follow-up question about this reading ({left} left, {cost} credits each).",
    "followup.placeholder": "🔮 Looking at the cards again…",
    "followup.charged": "{cost} credits were used; {available} remain.",
    "followup.free": "This answer was free; you have {available} credits.",
    # daily card
    "daily.header": "🌞 Your card of the day",
    # spreads listing
    "spreads.locked": "🔒 needs the {tier}",
    # balance
    "balance.text": "You have {available} credits.",
    "balance.pending": "{pending} more are on hold for a reading in progress.",
    "balance.tier": "Subscription: {tier}, until {until}.",
    "balance.tier_forever": "Subscription: {tier}.",
    # buying
    "buy.header": "Top up with Telegram Stars ⭐. Choose a pack or a monthly subscription:",
    "buy.header_card": "Choose a pack or a monthly subscription:",
    "buy.unavailable": "Purchases aren't available here right now.",
    "buy.pack_button": "{name}: {credits} credits · {price} ⭐",
    "buy.tier_button": "{name}: {credits}/month · {price} ⭐",
    "buy.pack_card_button": "{name}: {credits} credits",
    "buy.tier_card_button": "{name}: {credits}/month",
    "buy.invoice_pack": "{credits} credits for tarot readings.",
    "buy.invoice_tier": "{name}: 31 days of higher spreads and a {bonus}% bonus on packs, with {credits} credits.",
    "buy.card_link": "Prefer to pay by card? Open the secure checkout:",
    "buy.invoice_sent": "Invoice sent.",
    "pay.thanks_pack": "Thank you! ⭐ {credits} credits were added; you now have {available}.",
    "pay.thanks_tier": (
        "Thank you! Your {tier} is active until {until}. {credits} credits were added; you now have "
        "{available}."
    ),
    "pay.problem": (
        "We received your payment but could not apply it. Don't worry: it is recorded (reference "
        "{ref}), and we will sort it out or refund you."
    ),
    "pay.refunded_user": "Your payment for order {order} was refunded; {credits} credits were removed.",
    "pay.refused": "This invoice can't be paid any more. Please start a new purchase with /buy.",
    # history
    "history.empty": "You have no readings yet. Type a question or use /read.",
    "history.header": "Your readings, {first}–{last} of {total}. Tap one to open it:",
    "history.line": "{number}. {date} · {spread} — {question}",
    "history.no_question": "(card of the day)",
    # deck and language
    "deck.menu": "Deck: {deck}\nReversed cards: {reversals}\n\nChoose a deck, or switch reversed cards:",
    "deck.on": "on",
    "deck.off": "off",
    "deck.reversals_on": "Turn reversed cards on",
    "deck.reversals_off": "Turn reversed cards off",
    "language.menu": "Choose your language:",
    "language.saved": "Done: I'll speak English.",
    # forgetting
    "forget.confirm": (
        "This erases your account, your readings and your preferences. Your {available} remaining "
        "credits will be lost, and it can't be undone. Delete everything?"
    ),
    "forget.done": "Done: your data is erased ({count} readings). Send /start if you ever want to come back.",
    "forget.kept": "Nothing was deleted.",
    # admin
    "admin.grant_usage": "Usage: /grant <telegram user id or telegram:ref> <amount> <reason…>",
    "admin.granted": "Granted {amount} credits to {ref}; they now have {available}.",
    "admin.granted_user": "You received {amount} credits: {reason}",
    "admin.stats": "Users: {users}\nLedger: {ledger} ({accounts} accounts, {pending} holds pending)",
    "admin.stats_ok": "ok",
    "admin.stats_violations": "{count} violations",
    "admin.refund_usage": "Usage: /refund <order id>",
    "admin.refund_unavailable": "Refunds need the order store, which this bot was not given.",
    "admin.refund_not_stars": "Order {order} is not a paid Telegram Stars order (status {status}).",
    "admin.refund_no_chat": "Order {order}'s buyer has no Telegram account on record; refund by hand.",
    "admin.refunded": "Refunded {amount} ⭐ for order {order}: took {taken} credits back (shortfall {shortfall}).",
    "admin.refund_recorded_before": "Refunded {amount} ⭐ for order {order}; it had already been recorded.",
    # --- money (issue 14)
    "pay.pending": (
        "We received your payment, thank you. Your credits will appear within a few minutes. "
        "Reference: {ref}."
    ),
    "pay.flagged": (
        "We received your payment, thank you. We need to check it by hand before adding your credits, "
        "and we'll be in touch. Reference: {ref}."
    ),
    "pay.booked": "Thank you! Your payment is booked (reference {ref}); /balance shows your credits.",
    "pay.unreadable": (
        "We can't check this order right now, so no money was taken. Please try again in a few minutes."
    ),
    "pay.already_paid": "This order is already paid, so there's nothing more to pay. See /balance.",
    "pay.unknown_order": "We don't recognise this order. Please start a new purchase with /buy.",
}

UK: Mapping[str, str] = {
    "start.welcome_new": (
        "Вітаю, {name}! 🔮 Я ваша тарологиня.\n"
        "На початок дарую вам {credits} безкоштовних кредитів.\n\n"
        "Напишіть своє запитання, і я розкладу три карти, або оберіть розклад через /read. "
        "/daily — безкоштовна карта дня, а /help покаже все, що я вмію."
    ),
    "start.welcome_back": (
        "З поверненням, {name}! Кредитів на балансі: {available}.\n"
        "Напишіть запитання для розкладу на три карти або оберіть розклад через /read."
    ),
    "start.friend": "друже",
    "help.text": (
        "Що я вмію:\n"
        "/read — обрати розклад і поставити запитання\n"
        "/daily — безкоштовна карта дня\n"
        "/spreads — усі розклади та їхня вартість\n"
        "/balance — ваші кредити\n"
        "/buy — поповнити кредити або оформити підписку\n"
        "/history — ваші попередні ворожіння\n"
        "/deck — обрати колоду, увімкнути чи вимкнути перевернуті карти\n"
        "/language — українська або англійська\n"
        "/forget — видалити ваші дані\n"
        "/cancel — припинити поточну дію\n\n"
        "Або просто напишіть запитання: я розкладу три карти (кредитів: {cost})."
    ),
    "help.admin": (
        "Адміністрування:\n"
        "/grant <telegram id> <кількість> <причина> — нарахувати кредити\n"
        "/stats — користувачі та перевірка реєстру\n"
        "/refund <id замовлення> — повернути платіж у Stars"
    ),
    "command.unknown": "Вибачте, я не знаю такої команди. /help покаже, що я вмію.",
    "cancel.done": "Скасовано. Напишіть запитання або скористайтеся /read, коли забажаєте.",
    "cancel.nothing": "Нема чого скасовувати.",
    "callback.expired": "Ця кнопка вже не діє. Почніть, будь ласка, спочатку.",
    "error.generic": "У нас щось пішло не так. Спробуйте, будь ласка, за хвилину.",
    "button.skip": "Пропустити",
    "button.cancel": "Скасувати",
    "button.follow_up": "Уточнити ({cost})",
    "button.new_reading": "Нове ворожіння",
    "button.choose_spread": "Обрати розклад",
    "button.buy": "Купити кредити",
    "button.prev": "« Новіші",
    "button.next": "Старіші »",
    "button.checkout": "Оплатити карткою",
    "button.forget_yes": "Так, видалити мої дані",
    "button.forget_no": "Ні, залишити",
    "button.confirm_reading": "Так, розкласти карти ({cost})",
    "button.spread": "{name} ({cost})",
    "button.spread_locked": "🔒 {name} ({cost})",
    "read.choose": "Оберіть розклад. Число — його вартість у кредитах; на вашому балансі: {available}.",
    "read.locked": "🔒 Розклад «{spread}» входить до підписки «{tier}». Оформити її можна через /buy.",
    "read.locked_any": "🔒 Розклад «{spread}» вам недоступний.",
    "read.chosen": "{name}: карт — {cards}, кредитів — {cost}.\n{description}",
    "read.questionnaire_intro": "Спершу кілька коротких запитань (усього {count}), щоб ворожіння було точнішим.",
    "read.prompt": "Запитання {number} з {total}: {prompt}\nНаприклад: {hint}",
    "read.ask_question": "Тепер напишіть своє запитання.",
    "read.placeholder": "🔮 Тасую колоду й розкладаю карти…",
    "read.confirm": "Розклад «{spread}» коштує {cost} кр., на вашому балансі {available} кр. Розкласти карти?",
    "read.confirm_cancelled": "Гаразд, кредити не списано.",
    "read.not_enough": (
        "Розклад «{spread}» коштує {cost} кр., а на вашому балансі {available} кр. Поповніть баланс "
        "через /buy або оберіть менший розклад через /read."
    ),
    "reading.question": "Ваше запитання: «{question}»",
    "reading.card_line": "• {position}: {card} ({orientation})",
    "reading.follow_up_header": "Уточнення: «{question}»",
    "reading.taken": "{date}",
    "followup.prompt": (
        "Напишіть уточнювальне запитання до цього ворожіння (залишилося: {left}, вартість — {cost} кр.)."
    ),
    "followup.placeholder": "🔮 Ще раз вдивляюся в карти…",
    "followup.charged": "Використано {cost} кр.; залишилося {available} кр.",
    "followup.free": "Ця відповідь безкоштовна; на вашому балансі {available} кр.",
    "daily.header": "🌞 Ваша карта дня",
    "spreads.locked": "🔒 потрібна підписка «{tier}»",
    "balance.text": "Кредитів на вашому балансі: {available}.",
    "balance.pending": "Ще {pending} кр. зарезервовано для ворожіння, яке зараз готується.",
    "balance.tier": "Підписка: «{tier}», діє до {until}.",
    "balance.tier_forever": "Підписка: «{tier}».",
    "buy.header": "Поповнення через Telegram Stars ⭐. Оберіть пакет або щомісячну підписку:",
    "buy.header_card": "Оберіть пакет або щомісячну підписку:",
    "buy.unavailable": "Покупки тут зараз недоступні.",
    "buy.pack_button": "{name}: {credits} кр. · {price} ⭐",
    "buy.tier_button": "{name}: {credits} кр./міс. · {price} ⭐",
    "buy.pack_card_button": "{name}: {credits} кр.",
    "buy.tier_card_button": "{name}: {credits} кр./міс.",
    "buy.invoice_pack": "Кредити для ворожінь: {credits}.",
    "buy.invoice_tier": "{name}: 31 день доступу до більших розкладів, бонус {bonus}% до пакетів і {credits} кр.",
    "buy.card_link": "Бажаєте оплатити карткою? Відкрийте захищену сторінку оплати:",
    "buy.invoice_sent": "Рахунок надіслано.",
    "pay.thanks_pack": "Дякуємо! ⭐ Нараховано {credits} кр.; тепер на вашому балансі {available} кр.",
    "pay.thanks_tier": (
        "Дякуємо! Підписка «{tier}» діє до {until}. Нараховано {credits} кр.; тепер на вашому "
        "балансі {available} кр."
    ),
    "pay.problem": (
        "Ми отримали ваш платіж, але не змогли його зарахувати. Не хвилюйтеся: його записано "
        "(номер {ref}), і ми все виправимо або повернемо кошти."
    ),
    "pay.refunded_user": "Платіж за замовлення {order} повернуто; списано {credits} кр.",
    "pay.refused": "Цей рахунок уже не можна оплатити. Почніть нову покупку через /buy.",
    "history.empty": "У вас ще немає ворожінь. Напишіть запитання або скористайтеся /read.",
    "history.header": "Ваші ворожіння, {first}–{last} із {total}. Натисніть, щоб відкрити:",
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
    "forget.confirm": (
        "Буде видалено ваш обліковий запис, ворожіння та налаштування. Решта кредитів ({available}) "
        "згорить, і цю дію не можна скасувати. Видалити все?"
    ),
    "forget.done": (
        "Готово: ваші дані видалено (ворожінь: {count}). Надішліть /start, якщо захочете повернутися."
    ),
    "forget.kept": "Нічого не видалено.",
    "admin.grant_usage": "Використання: /grant <telegram id або telegram:ref> <кількість> <причина…>",
    "admin.granted": "Нараховано {amount} кр. користувачу {ref}; тепер у нього {available} кр.",
    "admin.granted_user": "Вам нараховано {amount} кр.: {reason}",
    "admin.stats": "Користувачів: {users}\nРеєстр: {ledger} (рахунків: {accounts}, резервів: {pending})",
    "admin.stats_ok": "гаразд",
    "admin.stats_violations": "порушень: {count}",
    "admin.refund_usage": "Використання: /refund <id замовлення>",
    "admin.refund_unavailable": "Для повернень потрібне сховище замовлень, якого бот не отримав.",
    "admin.refund_not_stars": "Замовлення {order} не є оплаченим замовленням у Telegram Stars (статус {status}).",
    "admin.refund_no_chat": "У покупця замовлення {order} немає облікового запису Telegram; поверніть вручну.",
    "admin.refunded": (
        "Повернено {amount} ⭐ за замовлення {order}: списано {taken} кр. (нестача {shortfall})."
    ),
    "admin.refund_recorded_before": "Повернено {amount} ⭐ за замовлення {order}; повернення вже було записано.",
    # --- money (issue 14)
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

BOT_MESSAGES: Mapping[str, Mapping[str, str]] = {"en": EN, "uk": UK}


def t(key: str, lang: str, /, **params: Any) -> str:
    """The bot's message for `key` in `lang` (English when missing), else the domain's shared one."""
    template = BOT_MESSAGES.get(lang, EN).get(key) or EN.get(key)
    if template is None:
        return translate(key, lang, **params)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
