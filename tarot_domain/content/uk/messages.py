"""Те, що показує кожен інтерфейс: помилки, рядки розкладу, переліки; і фрази з числами для шаблонів."""

from collections.abc import Mapping

from tarot_domain.content.shapes import Plural, Text

# Форми за CLDR: one — 1, 21, 101; few — 2–4, 22–24; many — 0, 5–20, 25–30, 111; other — дроби.
# Фрази стоять у знахідному відмінку (він тут збігається з називним): «коштує 2 кредити», «за 5 секунд».
COUNTS: Mapping[str, Plural] = {
    "credits": Plural(
        one="{count} кредит", few="{count} кредити", many="{count} кредитів", other="{count} кредиту"
    ),
    "free-credits": Plural(
        one="{count} безкоштовний кредит",
        few="{count} безкоштовні кредити",
        many="{count} безкоштовних кредитів",
        other="{count} безкоштовного кредиту",
    ),
    "cards": Plural(one="{count} карта", few="{count} карти", many="{count} карт", other="{count} карти"),
    "questions": Plural(
        one="{count} запитання", few="{count} запитання", many="{count} запитань", other="{count} запитання"
    ),
    "short-questions": Plural(
        one="{count} коротке запитання",
        few="{count} короткі запитання",
        many="{count} коротких запитань",
        other="{count} короткого запитання",
    ),
    "follow-up-questions": Plural(
        one="{count} уточнювальне запитання",
        few="{count} уточнювальні запитання",
        many="{count} уточнювальних запитань",
        other="{count} уточнювального запитання",
    ),
    "seconds": Plural(
        one="{count} секунду", few="{count} секунди", many="{count} секунд", other="{count} секунди"
    ),
    "minutes": Plural(
        one="{count} хвилину", few="{count} хвилини", many="{count} хвилин", other="{count} хвилини"
    ),
    "hours": Plural(one="{count} годину", few="{count} години", many="{count} годин", other="{count} години"),
    "days": Plural(one="{count} день", few="{count} дні", many="{count} днів", other="{count} дня"),
    "characters": Plural(
        one="{count} символ", few="{count} символи", many="{count} символів", other="{count} символу"
    ),
    "readings": Plural(
        one="{count} розклад", few="{count} розклади", many="{count} розкладів", other="{count} розкладу"
    ),
    "violations": Plural(
        one="{count} порушення", few="{count} порушення", many="{count} порушень", other="{count} порушення"
    ),
    "accounts": Plural(
        one="{count} рахунок", few="{count} рахунки", many="{count} рахунків", other="{count} рахунку"
    ),
    "pending-holds": Plural(
        one="{count} незавершений резерв",
        few="{count} незавершені резерви",
        many="{count} незавершених резервів",
        other="{count} незавершеного резерву",
    ),
    "remain": Plural(
        one="залишився {count}",
        few="залишилося {count}",
        many="залишилося {count}",
        other="залишилося {count}",
    ),
}

MESSAGES: Mapping[str, Text] = {
    "error.screened": "{message}",  # the support message itself (model.safety builds it)
    "error.validation": "Вибачте, ці дані виглядають некоректно.",
    "error.insufficient_credits": (
        "Для цього потрібно {needed:credits}, а на вашому балансі {available}. Поповніть баланс через /buy "
        "і спробуйте ще раз."
    ),
    "error.rate_limited": "Ви поспішаєте. Спробуйте, будь ласка, ще раз за {seconds:seconds}.",
    "error.busy": (
        "Зараз до карт звертається дуже багато людей, тож мені потрібна коротка пауза. Спробуйте, будь "
        "ласка, ще раз за {seconds:seconds}; кредити не списано."
    ),
    "error.payment": "Платіж не вдався. Кошти не списано; спробуйте, будь ласка, пізніше.",
    "error.api": "Тарологиня зараз недоступна. Спробуйте, будь ласка, за хвилину.",
    "error.database": "У нас технічна затримка. Спробуйте, будь ласка, за хвилину.",
    "error.not_found": "Вибачте, нічого не знайдено.",
    "error.forbidden": "Вибачте, це вам недоступно.",
    "error.conflict": "Цей запит суперечить попередньому. Почніть, будь ласка, спочатку.",
    "error.question_empty": "Напишіть, будь ласка, своє запитання — воно не може бути порожнім.",
    "error.question_no_words": (
        "Напишіть, будь ласка, запитання словами: самі лише розділові знаки чи емодзі прочитати не вийде."
    ),
    "error.question_too_long": (
        "Запитання завдовжки {length:characters}, а можна щонайбільше {limit:characters}. Скоротіть його, "
        "будь ласка."
    ),
    "error.answer_too_long": "Відповідь завдовжки {length:characters}, а можна щонайбільше {limit}.",
    "error.too_many_answers": "Цей розклад ставить {expected:questions}, а відповідей надійшло більше.",
    "error.unknown_spread": "Розкладу «{spread}» немає. Перелік — у /spreads.",
    "error.unknown_deck": "Колоди «{deck}» немає. Доступні колоди: {choices}.",
    "error.unknown_language": "Мовою «{language}» ми ще не розмовляємо. Доступні мови: {choices}.",
    "error.unknown_user": "Ми ще не знайомі. Надішліть /start, щоб почати.",
    "error.unknown_reading": "Не вдалося знайти цей розклад.",
    "error.unknown_product": "Товару «{product}» немає.",
    "error.no_price": "«{product}» не можна придбати цим способом.",
    "error.bad_user_ref": "Посилання на користувача має неправильний формат.",
    "error.bad_key": "Ідентифікатор запиту має неправильний формат.",
    "error.bad_amount": "Сума має бути цілим числом від 1 до {limit}.",
    "error.grant_reason": "Вкажіть, будь ласка, причину нарахування.",
    "error.user_inactive": "Цей обліковий запис закрито.",
    "error.user_suspended": "Цей обліковий запис наразі призупинено. Якщо, на вашу думку, це помилка, напишіть, будь ласка, у підтримку.",
    "error.spread_needs_tier": "Розклад «{spread}» входить до вищого рівня підписки. Дивіться /buy.",
    "error.in_progress": "Ваш розклад ще готується. Зачекайте, будь ласка, хвилинку.",
    "error.too_many_attempts": "Цей запит кілька разів не вдався. Почніть, будь ласка, новий.",
    "error.hold_expired": "Запит тривав надто довго й був скасований; кредити не списано.",
    "error.follow_up_limit": "До одного розкладу можна поставити щонайбільше {limit:follow-up-questions}.",
    "error.daily_off": "Безкоштовна карта дня зараз недоступна.",
    "error.purchases_frozen": "Покупки на цьому обліковому записі призупинено, доки триває суперечка щодо платежу.",
    "error.unknown_order": "Не вдалося знайти це замовлення.",
    "error.order_not_payable": "Це замовлення вже не можна оплатити. Почніть нову покупку через /buy.",
    "error.payments_off": "Цей спосіб оплати зараз недоступний.",
    "reading.upright": "пряма",
    "reading.reversed": "перевернута",
    "reading.upright.m": "прямий",
    "reading.upright.f": "пряма",
    "reading.upright.n": "пряме",
    "reading.upright.pl": "прямі",
    "reading.reversed.m": "перевернутий",
    "reading.reversed.f": "перевернута",
    "reading.reversed.n": "перевернуте",
    "reading.reversed.pl": "перевернуті",
    "reading.fallback_note": (
        "Наша ШІ-тарологиня була недоступна, тож це класичне офлайн-тлумачення. Кредити не списано."
    ),
    "reading.charged": "Використано {cost:credits}; на балансі {available:credits}.",
    "reading.free": "Цей розклад безкоштовний; на балансі {available:credits}.",
    "reading.quoted_question": "«{question}»",
    "reading.waiting": "Чекаємо на тлумачення від {interpreter}…",
    "spreads.header": "Розклади",
    "spreads.line": "{name} ({id}): {cards:cards}, {cost:credits}",
    "spreads.questionnaire": "спершу ставить {count:short-questions}",
    "cards.header": "Колода «{deck}»: {count:cards}",
    "cards.card_header": "{name} ({id})",
    "cards.facts": "{arcana}, стихія — {element}",
    "cards.arcana.major": "Старший аркан",
    "cards.arcana.minor": "Молодший аркан",
    "cards.element.fire": "вогонь",
    "cards.element.water": "вода",
    "cards.element.air": "повітря",
    "cards.element.earth": "земля",
    "cards.field.decks": "У кожній колоді",
    "cards.field.upright": "Пряма",
    "cards.field.reversed": "Перевернута",
    "cards.field.keywords": "Ключові слова",
    "cards.field.name": "Назва",
    "cards.field.epithet": "Титул",
    "cards.field.core": "Суть",
    "cards.field.gift": "Дар",
    "cards.field.shadow": "Тінь",
    "cards.field.lesson": "Урок",
    "cards.field.action": "Дія",
    "cards.field.person": "Людина",
    "cards.field.leads": "До чого веде",
    "cards.field.past": "Як минуле",
    "cards.field.love": "Кохання",
    "cards.field.work": "Робота",
    "cards.field.money": "Гроші",
    "cards.field.wellbeing": "Самопочуття",
    "cards.field.home": "Дім",
    "cards.field.study": "Навчання",
    "cards.field.spirit": "Дух",
    "cards.field.polarity": "Так чи ні",
    "cards.field.overrides": "Власне прочитання колоди",
    "cards.field.pairs": "Промовисті пари",
    "cards.lean.yes": "схиляється до «так»",
    "cards.lean.no": "схиляється до «ні»",
    "cards.lean.unclear": "неясно",
    "cards.polarity": "{lean} (сила {strength} з 3)",
    "cards.overrides_none": "немає: ця колода читає карту так само, як спільний текст",
    # payments (exactly once, flagged money)
    "error.order_paid": "Це замовлення вже оплачено.",
    "error.dispute_open": "Суперечка щодо цього платежу ще триває, тож нічого не зміниться, доки її не закриють.",
    "error.not_flagged": "Цей платіж не очікує на рішення.",
    # ті самі помилки без команд чату (поле `detail` веб-API)
    "plain.error.insufficient_credits": "Для цього потрібно {needed:credits}, а на вашому балансі {available}.",
    "plain.error.busy": (
        "Тарологиня зараз зайнята багатьма розкладами. Спробуйте, будь ласка, ще раз за {seconds:seconds}; "
        "кредити не списано."
    ),
    "plain.error.unknown_spread": "Розкладу «{spread}» немає.",
    "plain.error.unknown_user": "Такої людини тут ще немає.",
    "plain.error.spread_needs_tier": "Розклад «{spread}» входить до вищого рівня підписки.",
    "plain.error.order_not_payable": "Це замовлення вже не можна оплатити. Почніть, будь ласка, нову покупку.",
}
