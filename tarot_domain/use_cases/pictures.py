"""The spread picture's request: a draw resolved into the words and marks its picture shows.

Frontends call `picture_request` with the draw they are about to read and hand the result to a
`SpreadRenderer`; everything language- or deck-specific is settled here, so the renderer only draws.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.content import registry
from tarot_domain.model.cards import Card, catalogue
from tarot_domain.model.decks import Deck, get_deck
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.errors import validation
from tarot_domain.model.localized import pick
from tarot_domain.model.spreads import get_spread
from tarot_ports.renderer import PictureCard, RenderRequest

REVERSED_KEY = "reading.reversed"


def picture_request(spread_id: str, deck_id: str, language: str, cards: Sequence[DrawnCard]) -> RenderRequest:
    """The request that pictures `cards` (one per position of the spread, in any order) in `deck_id`'s
    naming and in `language`. Raises `validation` for an unknown spread or deck, or cards that do not
    fill the spread's positions exactly."""
    spread = get_spread(spread_id)
    deck = get_deck(deck_id)
    by_position = {drawn.position_id: drawn for drawn in cards}
    if len(by_position) != len(cards) or set(by_position) != {p.id for p in spread.positions}:
        raise validation(f"the cards do not fill the positions of {spread_id!r}")
    known = catalogue()
    faces = []
    for number, position in enumerate(spread.positions, start=1):
        drawn = by_position[position.id]
        faces.append(
            _face(
                known.get(drawn.card_id),
                deck,
                language,
                number,
                position.id,
                pick(position.name, language),
                reversed_=drawn.reversed,
            )
        )
    return RenderRequest(
        spread_id=spread.id,
        deck_id=deck.id,
        language=language,
        title=pick(spread.name, language),
        deck_name=pick(deck.name, language),
        reversed_word=registry.translate(REVERSED_KEY, language),
        cards=tuple(faces),
    )


def _face(
    card: Card,
    deck: Deck,
    language: str,
    number: int,
    position_id: str,
    position_name: str,
    *,
    reversed_: bool = False,
) -> PictureCard:
    name = deck.card_name(card, language)
    title = deck.title(card, language)
    return PictureCard(
        position=number,
        position_id=position_id,
        position_name=position_name,
        card_id=card.id,
        label=card_label(card, deck),
        name=title or name,
        subtitle=name if title else "",
        arcana=card.arcana,
        suit=card.suit,
        rank=card.rank,
        element=card.element,
        reversed=reversed_,
    )


def card_label(card: Card, deck: Deck) -> str:
    """What the deck prints at the card's head: a major's numeral, a small card's number (2–10), or
    nothing (an unnumbered major, an ace, a court card: their faces say what they are)."""
    if card.suit is None:
        return deck.card_number(card) or ""
    return str(card.rank) if 2 <= card.rank <= 10 else ""
