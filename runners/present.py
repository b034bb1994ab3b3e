"""How a reading's draw is shown to machines (the CLI's and the web API's JSON share it)."""

from __future__ import annotations

from typing import Any

from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import get_deck
from tarot_domain.model.localized import pick
from tarot_domain.model.readings import Reading
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
