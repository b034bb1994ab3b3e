"""English: the reference language; every key lives here."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: Mapping[str, str] = {
    # errors, one per taxonomy kind, then specific ones
    "error.validation": "Sorry, that input doesn't look right.",
    "error.insufficient_credits": (
        "You need {needed} credits for this, and you have {available}. Top up with /buy and try again."
    ),
    "error.rate_limited": "You're going a little fast. Please try again in {seconds} seconds.",
    "error.payment": "The payment could not be completed. Nothing was charged; please try again later.",
    "error.api": "The reader is unavailable right now. Please try again in a moment.",
    "error.database": "We're having a technical hiccup. Please try again in a moment.",
    "error.not_found": "Sorry, we couldn't find that.",
    "error.forbidden": "Sorry, that isn't available to you.",
    "error.conflict": "That request clashes with an earlier one. Please start again.",
    "error.question_empty": "Please write your question; it can't be empty.",
    "error.question_too_long": (
        "Your question is {length} characters long; please keep it under {limit} characters."
    ),
    "error.answer_too_long": "That answer is {length} characters long; please keep it under {limit}.",
    "error.too_many_answers": "This spread asks {expected} questions, and we received more answers than that.",
    "error.unknown_spread": "There's no spread called “{spread}”. See the list with /spreads.",
    "error.unknown_deck": "There's no deck called “{deck}”. Choose rider-waite, thoth or marseille.",
    "error.unknown_language": "We don't speak “{language}” yet. Choose English (en) or Ukrainian (uk).",
    "error.unknown_user": "We don't know you yet. Send /start to begin.",
    "error.unknown_reading": "We couldn't find that reading.",
    "error.unknown_product": "There's no product called “{product}”.",
    "error.no_price": "“{product}” can't be bought this way.",
    "error.bad_user_ref": "That user reference is malformed.",
    "error.bad_key": "That request id is malformed.",
    "error.bad_amount": "The amount must be a whole number from 1 to {limit}.",
    "error.grant_reason": "Please give a reason for the grant.",
    "error.user_inactive": "This account is closed.",
    "error.spread_needs_tier": "The “{spread}” spread is part of a higher subscription. See /buy.",
    "error.in_progress": "Your reading is still being prepared. Please wait a moment.",
    "error.too_many_attempts": "This request failed several times. Please start a new one.",
    "error.hold_expired": "This request took too long and was cancelled; you were not charged.",
    "error.follow_up_limit": "A reading can have at most {limit} follow-up questions.",
    "error.daily_off": "The free card of the day is not offered right now.",
    "error.purchases_frozen": "Purchases are paused on this account while a payment dispute is open.",
    "error.unknown_order": "We couldn't find that order.",
    "error.order_not_payable": "This order can't be paid any more. Please start a new purchase with /buy.",
    # readings
    "reading.upright": "upright",
    "reading.reversed": "reversed",
    "reading.fallback_note": (
        "Our AI reader was unavailable, so this is the classic offline reading. You were not charged."
    ),
    "reading.charged": "{cost} credits were used; {available} remain.",
    "reading.free": "This reading was free; you have {available} credits.",
    # spreads and cards listings
    "spreads.header": "Spreads",
    "spreads.line": "{name} ({id}): {cards} cards, {cost} credits",
    "spreads.questionnaire": "asks {count} short questions first",
    "cards.header": "The {deck} deck: {count} cards",
    "error.payments_off": "Payments of this kind aren't available right now.",
    # --- money (issue 14)
    "error.order_paid": "This order is already paid.",
    "error.not_flagged": "This payment isn't waiting for a decision.",
}
