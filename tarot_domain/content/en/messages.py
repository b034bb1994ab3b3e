"""What every frontend shows: errors, reading lines, listings; and the counted phrases templates use."""

from collections.abc import Mapping

from tarot_domain.content.shapes import Plural, Text

COUNTS: Mapping[str, Plural] = {
    "credits": Plural(one="{count} credit", other="{count} credits"),
    "free-credits": Plural(one="{count} free credit", other="{count} free credits"),
    "cards": Plural(one="{count} card", other="{count} cards"),
    "questions": Plural(one="{count} question", other="{count} questions"),
    "short-questions": Plural(one="{count} short question", other="{count} short questions"),
    "follow-up-questions": Plural(one="{count} follow-up question", other="{count} follow-up questions"),
    "seconds": Plural(one="{count} second", other="{count} seconds"),
    "minutes": Plural(one="{count} minute", other="{count} minutes"),
    "hours": Plural(one="{count} hour", other="{count} hours"),
    "days": Plural(one="{count} day", other="{count} days"),
    "characters": Plural(one="{count} character", other="{count} characters"),
    "readings": Plural(one="{count} reading", other="{count} readings"),
    "violations": Plural(one="{count} violation", other="{count} violations"),
    "remain": Plural(one="{count} remains", other="{count} remain"),
    "accounts": Plural(one="{count} account", other="{count} accounts"),
    "pending-holds": Plural(one="{count} hold pending", other="{count} holds pending"),
}

MESSAGES: Mapping[str, Text] = {
    # errors, one per taxonomy kind, then specific ones
    "error.screened": "{message}",  # the support message itself (model.safety builds it)
    "error.validation": "Sorry, that input doesn't look right.",
    "error.insufficient_credits": (
        "You need {needed:credits} for this, and you have {available}. Top up with /buy and try again."
    ),
    "error.rate_limited": "You're going a little fast. Please try again in {seconds:seconds}.",
    "error.busy": (
        "So many people are consulting the cards right now that I need a short pause. Please try again "
        "in {seconds:seconds}; nothing was charged."
    ),
    "error.payment": "The payment could not be completed. Nothing was charged; please try again later.",
    "error.api": "The reader is unavailable right now. Please try again in a moment.",
    "error.database": "We're having a technical hiccup. Please try again in a moment.",
    "error.not_found": "Sorry, we couldn't find that.",
    "error.forbidden": "Sorry, that isn't available to you.",
    "error.conflict": "That request clashes with an earlier one. Please start again.",
    "error.question_empty": "Please write your question; it can't be empty.",
    "error.question_no_words": "Please write your question in words; punctuation or emoji alone can't be read.",
    "error.question_too_long": (
        "Your question is {length:characters} long; please keep it under {limit:characters}."
    ),
    "error.answer_too_long": "That answer is {length:characters} long; please keep it under {limit}.",
    "error.too_many_answers": "This spread asks {expected:questions}, and we received more answers than that.",
    "error.unknown_spread": "There's no spread called “{spread}”. See the list with /spreads.",
    "error.unknown_deck": "There's no deck called “{deck}”. Choose one of these: {choices}.",
    "error.unknown_language": "We don't speak “{language}” yet. Choose one of these: {choices}.",
    "error.unknown_user": "We don't know you yet. Send /start to begin.",
    "error.unknown_reading": "We couldn't find that reading.",
    "error.unknown_product": "There's no product called “{product}”.",
    "error.no_price": "“{product}” can't be bought this way.",
    "error.bad_user_ref": "That user reference is malformed.",
    "error.bad_key": "That request id is malformed.",
    "error.bad_amount": "The amount must be a whole number from 1 to {limit}.",
    "error.grant_reason": "Please give a reason for the grant.",
    "error.user_inactive": "This account is closed.",
    "error.user_suspended": "This account is suspended for now. If you think that is a mistake, please write to support.",
    "error.spread_needs_tier": "The “{spread}” spread is part of a higher subscription. See /buy.",
    "error.in_progress": "Your reading is still being prepared. Please wait a moment.",
    "error.too_many_attempts": "This request failed several times. Please start a new one.",
    "error.hold_expired": "This request took too long and was cancelled; you were not charged.",
    "error.follow_up_limit": "A reading can have at most {limit:follow-up-questions}.",
    "error.daily_off": "The free card of the day is not offered right now.",
    "error.purchases_frozen": "Purchases are paused on this account while a payment dispute is open.",
    "error.unknown_order": "We couldn't find that order.",
    "error.order_not_payable": "This order can't be paid any more. Please start a new purchase with /buy.",
    "error.payments_off": "Payments of this kind aren't available right now.",
    # readings
    "reading.upright": "upright",
    "reading.reversed": "reversed",
    # the same word whatever the name's gender and number (Ukrainian agrees: «перевернутий Король»)
    "reading.upright.m": "upright",
    "reading.upright.f": "upright",
    "reading.upright.n": "upright",
    "reading.upright.pl": "upright",
    "reading.reversed.m": "reversed",
    "reading.reversed.f": "reversed",
    "reading.reversed.n": "reversed",
    "reading.reversed.pl": "reversed",
    "reading.fallback_note": (
        "Our AI reader was unavailable, so this is the classic offline reading. You were not charged."
    ),
    "reading.charged": Plural(
        count="cost",
        one="{cost} credit was used; {available:remain}.",
        other="{cost} credits were used; {available:remain}.",
    ),
    "reading.free": "This reading was free; you have {available:credits}.",
    "reading.quoted_question": "“{question}”",
    "reading.waiting": "Waiting for the reading from {interpreter}…",
    # spreads and cards listings
    "spreads.header": "Spreads",
    "spreads.line": "{name} ({id}): {cards:cards}, {cost:credits}",
    "spreads.questionnaire": "asks {count:short-questions} first",
    "cards.header": "The {deck} deck: {count:cards}",
    "cards.card_header": "{name} ({id})",
    "cards.facts": "{arcana}, {element}",
    "cards.arcana.major": "Major Arcana",
    "cards.arcana.minor": "Minor Arcana",
    "cards.element.fire": "fire",
    "cards.element.water": "water",
    "cards.element.air": "air",
    "cards.element.earth": "earth",
    "cards.field.decks": "In each deck",
    "cards.field.upright": "Upright",
    "cards.field.reversed": "Reversed",
    "cards.field.keywords": "Keywords",
    "cards.field.name": "Name",
    "cards.field.epithet": "Title",
    "cards.field.core": "Core",
    "cards.field.gift": "Gift",
    "cards.field.shadow": "Shadow",
    "cards.field.lesson": "Lesson",
    "cards.field.action": "Action",
    "cards.field.person": "Person",
    "cards.field.leads": "Where it leads",
    "cards.field.past": "As the past",
    "cards.field.love": "Love",
    "cards.field.work": "Work",
    "cards.field.money": "Money",
    "cards.field.wellbeing": "Wellbeing",
    "cards.field.home": "Home",
    "cards.field.study": "Study",
    "cards.field.spirit": "Spirit",
    "cards.field.polarity": "Yes or no",
    "cards.field.overrides": "The deck's own reading",
    "cards.field.pairs": "Meaningful pairs",
    "cards.lean.yes": "leans yes",
    "cards.lean.no": "leans no",
    "cards.lean.unclear": "unclear",
    "cards.polarity": "{lean} (strength {strength} of 3)",
    "cards.overrides_none": "none: this deck reads the card as the shared text does",
    # payments (exactly once, flagged money)
    "error.order_paid": "This order is already paid.",
    "error.dispute_open": "A dispute about this payment is still open, so nothing can change until it closes.",
    "error.not_flagged": "This payment isn't waiting for a decision.",
    # the same errors worded for any frontend (no chat commands): the web API's `detail`
    "plain.error.insufficient_credits": "You need {needed:credits} for this, and you have {available}.",
    "plain.error.busy": (
        "The reader is busy with many readings right now. Please try again in {seconds:seconds}; nothing "
        "was charged."
    ),
    "plain.error.unknown_spread": "There's no spread called “{spread}”.",
    "plain.error.unknown_user": "There's no such person here yet.",
    "plain.error.spread_needs_tier": "The “{spread}” spread is part of a higher subscription.",
    "plain.error.order_not_payable": "This order can't be paid any more. Please start a new purchase.",
}
