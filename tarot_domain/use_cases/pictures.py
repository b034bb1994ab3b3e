"""The spread picture's request: a draw resolved into the words and marks its picture shows.

Frontends call `picture_request` with the draw they are about to read and hand the result to a
`SpreadRenderer`; everything language- or deck-specific is settled here, so the renderer only draws.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.content import registry
from tarot_domain.model.decks import get_deck
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.errors import validation
from tarot_domain.model.knowledge import CardKnowledge, card_knowledge
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
    faces = []
    for number, position in enumerate(spread.positions, start=1):
        drawn = by_position[position.id]
        faces.append(
            _face(
                card_knowledge(drawn.card_id, deck.id, language),
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
    known: CardKnowledge,
    number: int,
    position_id: str,
    position_name: str,
    *,
    reversed_: bool = False,
) -> PictureCard:
    card = known.card
    name = known.display_name
    return PictureCard(
        position=number,
        position_id=position_id,
        position_name=position_name,
        card_id=card.id,
        label=card_label(known),
        name=known.epithet or name,
        subtitle=name if known.epithet else "",
        arcana=card.arcana,
        suit=card.suit,
        rank=card.rank,
        element=card.element,
        reversed=reversed_,
    )


def card_label(known: CardKnowledge) -> str:
    """What the deck prints at the card's head: a major's numeral, a small card's number (2–10), or
    nothing (an unnumbered major, an ace, a court card: their faces say what they are)."""
    card = known.card
    if card.suit is None:
        return known.number or ""
    return str(card.rank) if 2 <= card.rank <= 10 else ""
