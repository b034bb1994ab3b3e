"""The 78 cards of the tarot: 22 major arcana and 56 minor arcana in four suits.

A card here is an identity only (id, arcana, suit, rank, element), from `content.structure.cards`:
readings store the id forever, and decks map it to their own names and numbers. What a card is called
and what it says, in a deck and a language, is `model.knowledge.card_knowledge`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from attrs import frozen

from tarot_domain.content.structure import cards as structure
from tarot_domain.content.structure.cards import (
    COURT_RANKS,
    MINOR_RANKS,
    PIP_RANKS,
    SUIT_ELEMENT,
    Arcana,
    Element,
    Suit,
)

__all__ = [
    "COURT_RANKS",
    "MINOR_RANKS",
    "PIP_RANKS",
    "SUIT_ELEMENT",
    "Arcana",
    "Card",
    "CardCatalogue",
    "Element",
    "Suit",
    "catalogue",
]


@frozen
class Card:
    """A card's identity; `rank` is the major arcanum's number (0–21) or the minor rank (ace 1 … king 14)."""

    id: str
    arcana: Arcana
    suit: Suit | None
    rank: int
    element: Element

    @property
    def is_major(self) -> bool:
        return self.arcana is Arcana.MAJOR

    @property
    def rank_name(self) -> str | None:
        """`ace`…`king` for a minor card, None for a major one."""
        return None if self.suit is None else MINOR_RANKS[self.rank - 1]

    @property
    def is_court(self) -> bool:
        return self.rank_name in COURT_RANKS

    @property
    def is_pip(self) -> bool:
        """A numbered minor card, ace to ten."""
        return self.rank_name in PIP_RANKS


class CardCatalogue:
    """All 78 cards in canonical order (majors 0–21, then wands, cups, swords, pentacles ace→king)."""

    def __init__(self, cards: tuple[Card, ...]) -> None:
        by_id = {card.id: card for card in cards}
        if len(by_id) != len(cards):
            raise ValueError("card ids must be unique")
        self._cards = cards
        self._by_id: Mapping[str, Card] = MappingProxyType(by_id)

    def __iter__(self) -> Iterator[Card]:
        return iter(self._cards)

    def __len__(self) -> int:
        return len(self._cards)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(card.id for card in self._cards)

    @property
    def cards(self) -> tuple[Card, ...]:
        return self._cards

    def get(self, card_id: str) -> Card:
        try:
            return self._by_id[card_id]
        except KeyError:
            raise KeyError(f"unknown card id {card_id!r}") from None


_CATALOGUE: list[CardCatalogue] = []


def catalogue() -> CardCatalogue:
    """The canonical catalogue, built on first use (nothing is built at import time)."""
    if not _CATALOGUE:
        shapes = structure.CARDS
        _CATALOGUE.append(
            CardCatalogue(tuple(Card(s.id, s.arcana, s.suit, s.rank, s.element) for s in shapes))
        )
    return _CATALOGUE[0]
