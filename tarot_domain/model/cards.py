"""The 78 cards of the tarot: 22 major arcana and 56 minor arcana in four suits.

A card's `id` is stable forever (`major-00-fool`, `cups-queen`): readings store it, decks map it to
their own names. Names, keywords and meanings carry every language the service speaks.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from attrs import field, frozen

from tarot_domain.model.localized import Localized, LocalizedList, pick, pick_list


class Arcana(enum.Enum):
    MAJOR = "major"
    MINOR = "minor"


class Suit(enum.Enum):
    WANDS = "wands"
    CUPS = "cups"
    SWORDS = "swords"
    PENTACLES = "pentacles"


class Element(enum.Enum):
    FIRE = "fire"
    WATER = "water"
    AIR = "air"
    EARTH = "earth"


SUIT_ELEMENT: Mapping[Suit, Element] = MappingProxyType(
    {
        Suit.WANDS: Element.FIRE,
        Suit.CUPS: Element.WATER,
        Suit.SWORDS: Element.AIR,
        Suit.PENTACLES: Element.EARTH,
    }
)

MINOR_RANKS: tuple[str, ...] = (
    "ace", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "page", "knight", "queen", "king",
)  # fmt: skip
"""Minor ranks in order; a minor card's `rank` is its index here plus one (ace 1 … king 14)."""

COURT_RANKS: frozenset[str] = frozenset({"page", "knight", "queen", "king"})


@frozen
class Card:
    """One card of the canonical (Rider–Waite–Smith) catalogue.

    `rank` is the major arcanum's number (0–21) or the minor card's rank (ace 1 … king 14).
    `meaning_*` is a short paragraph written by us; keywords are short phrases.
    """

    id: str
    arcana: Arcana
    suit: Suit | None
    rank: int
    element: Element
    name: Localized = field(eq=False)
    upright_keywords: LocalizedList = field(eq=False)
    reversed_keywords: LocalizedList = field(eq=False)
    upright_meaning: Localized = field(eq=False)
    reversed_meaning: Localized = field(eq=False)

    @property
    def is_major(self) -> bool:
        return self.arcana is Arcana.MAJOR

    @property
    def is_court(self) -> bool:
        return self.suit is not None and MINOR_RANKS[self.rank - 1] in COURT_RANKS

    @property
    def rank_name(self) -> str | None:
        """`ace`…`king` for a minor card, None for a major one."""
        return None if self.suit is None else MINOR_RANKS[self.rank - 1]

    def display_name(self, language: str) -> str:
        return pick(self.name, language)

    def keywords(self, reversed_: bool, language: str) -> tuple[str, ...]:
        return pick_list(self.reversed_keywords if reversed_ else self.upright_keywords, language)

    def meaning(self, reversed_: bool, language: str) -> str:
        return pick(self.reversed_meaning if reversed_ else self.upright_meaning, language)


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


def _build_catalogue() -> CardCatalogue:
    from tarot_domain.model.catalogue import all_cards

    return CardCatalogue(all_cards())


_CATALOGUE: list[CardCatalogue] = []


def catalogue() -> CardCatalogue:
    """The canonical catalogue, built on first use (nothing is built at import time)."""
    if not _CATALOGUE:
        _CATALOGUE.append(_build_catalogue())
    return _CATALOGUE[0]
