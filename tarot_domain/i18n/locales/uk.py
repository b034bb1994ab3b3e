"""Ukrainian (українська): the first market's language."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: Mapping[str, str] = {
    "error.validation": "Вибачте, ці дані виглядають некоректно.",
    "error.insufficient_credits": (
        "Для цього потрібно {needed} кредитів, а у вас {available}. Поповніть баланс через /buy і спробуйте ще раз."
    ),
    "error.rate_limited": "Ви поспішаєте. Спробуйте, будь ласка, ще раз за {seconds} с.",
    "error.payment": "Платіж не вдався. Кошти не списано; спробуйте, будь ласка, пізніше.",
    "error.api": "Тарологиня зараз недоступна. Спробуйте, будь ласка, за хвилину.",
    "error.database": "У нас технічна затримка. Спробуйте, будь ласка, за хвилину.",
    "error.not_found": "Вибачте, нічого не знайдено.",
    "error.forbidden": "Вибачте, це вам недоступно.",
    "error.conflict": "Цей запит суперечить попередньому. Почніть, будь ласка, спочатку.",
    "error.question_empty": "Напишіть, будь ласка, своє запитання — воно не може бути порожнім.",
    "error.question_too_long": (
        "Ваше запитання має {length} символів; будь ласка, вкладіться в {limit} символів."
    ),
    "error.answer_too_long": "Ця відповідь має {length} символів; будь ласка, вкладіться в {limit}.",
    "error.too_many_answers": "Цей розклад ставить {expected} запитання, а відповідей надійшло більше.",
    "error.unknown_spread": "Розкладу «{spread}» немає. Перелік — у /spreads.",
    "error.unknown_deck": "Колоди «{deck}» немає. Оберіть rider-waite, thoth або marseille.",
    "error.unknown_language": "Мовою «{language}» ми ще не розмовляємо. Оберіть англійську (en) або українську (uk).",
    "error.unknown_user": "Ми ще не знайомі. Надішліть /start, щоб почати.",
    "error.unknown_reading": "Не вдалося знайти це ворожіння.",
    "error.unknown_product": "Товару «{product}» немає.",
    "error.no_price": "«{product}» не можна придбати цим способом.",
    "error.bad_user_ref": "Посилання на користувача має неправильний формат.",
    "error.bad_key": "Ідентифікатор запиту має неправильний формат.",
    "error.bad_amount": "Сума має бути цілим числом від 1 до {limit}.",
    "error.grant_reason": "Вкажіть, будь ласка, причину нарахування.",
    "error.user_inactive": "Цей обліковий запис закрито.",
    "error.spread_needs_tier": "Розклад «{spread}» входить до вищого рівня підписки. Дивіться /buy.",
    "error.in_progress": "Ваше ворожіння ще готується. Зачекайте, будь ласка, хвилинку.",
    "error.too_many_attempts": "Цей запит кілька разів не вдався. Почніть, будь ласка, новий.",
    "error.hold_expired": "Запит тривав надто довго й був скасований; кредити не списано.",
    "error.follow_up_limit": "До одного ворожіння можна поставити щонайбільше {limit} уточнювальних запитань.",
    "error.daily_off": "Безкоштовна карта дня зараз недоступна.",
    "error.purchases_frozen": "Покупки на цьому обліковому записі призупинено, доки триває суперечка щодо платежу.",
    "error.unknown_order": "Не вдалося знайти це замовлення.",
    "error.order_not_payable": "Це замовлення вже не можна оплатити. Почніть нову покупку через /buy.",
    "reading.upright": "пряма",
    "reading.reversed": "перевернута",
    "reading.fallback_note": (
        "Наша ШІ-тарологиня була недоступна, тож це класичне офлайн-ворожіння. Кредити не списано."
    ),
    "reading.charged": "Використано {cost} кредитів; залишилося {available}.",
    "reading.free": "Це ворожіння безкоштовне; у вас {available} кредитів.",
    "spreads.header": "Розклади",
    "spreads.line": "{name} ({id}): карт — {cards}, кредитів — {cost}",
    "spreads.questionnaire": "спершу ставить {count} коротких запитань",
    "cards.header": "Колода {deck}: {count} карт",
    "error.payments_off": "Цей спосіб оплати зараз недоступний.",
    # --- money (issue 14)
    "error.order_paid": "Це замовлення вже оплачено.",
    "error.not_flagged": "Цей платіж не очікує на рішення.",
}
