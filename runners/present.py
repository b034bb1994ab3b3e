"""How a reading's draw, and the safety screen's answer, are shown to machines (the CLI's and the web
API's JSON share it)."""

from __future__ import annotations

from typing import Any

from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import get_deck
from tarot_domain.model.lean import Lean, has_answer_position
from tarot_domain.model.localized import pick
from tarot_domain.model.readings import Reading
from tarot_domain.model.safety import Support
from tarot_domain.model.spreads import get_spread


def cards_json(reading: Reading) -> list[dict[str, Any]]:
    """Each drawn card with its position's name and the name the reading's deck gives it."""
    spread = get_spread(reading.spread_id)
    deck = get_deck(reading.deck_id)
    lang = reading.language
    return [
        {
            "position": drawn.position_id,
            "position_name": pick(spread.position(drawn.position_id).name, lang),
            "card": drawn.card_id,
            "name": deck.card_name(catalogue().get(drawn.card_id), lang),
            "reversed": drawn.reversed,
        }
        for drawn in reading.cards
    ]


def support_json(support: Support) -> dict[str, str]:
    return {"kind": support.kind.value, "message": support.message}


def framing_json(spread_id: str, support: Support | None, lean: Lean | None) -> dict[str, Any]:
    """What the safety screen and the lean add to a reading's JSON: `support` when the screen fired
    (absent for an ordinary question), `lean` on a spread with an answer position (null when framed)."""
    extra: dict[str, Any] = {}
    if support is not None:
        extra["support"] = support_json(support)
    if has_answer_position(get_spread(spread_id)):
        extra["lean"] = None if lean is None else lean.value
    return extra


def screened_json(support: Support, spread_id: str, deck_id: str, language: str) -> dict[str, Any]:
    """The answer to a crisis: the support block and no reading (no cards, no interpretation)."""
    return {
        "spread": spread_id,
        "deck": deck_id,
        "language": language,
        "cards": [],
        "support": support_json(support),
    }
