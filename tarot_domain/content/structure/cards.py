"""The 78 cards as identities: id, arcana, suit, rank and element (what a card is, in no language).

A card's `id` is stable forever (`major-00-fool`, `cups-queen`): readings store it, decks and packs key
their texts by it. `rank` is the major arcanum's canonical number (0–21, Rider–Waite order: Strength 8,
Justice 11) or the minor card's rank (ace 1 … king 14). A major's element is its traditional
correspondence (the element of its planet or sign); a minor's is its suit's. Names, keywords and what a
card means live in the packs (`<lang>/cards/`), and deck traditions in `<lang>/decks/`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen


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

PIP_RANKS: tuple[str, ...] = MINOR_RANKS[:10]
"""The numbered minor cards, ace to ten: the pips a deck reads by number and suit."""

COURT_RANKS: tuple[str, ...] = MINOR_RANKS[10:]


@frozen
class CardShape:
    id: str
    arcana: Arcana
    suit: Suit | None
    rank: int
    element: Element


def _major(number: int, slug: str, element: Element) -> CardShape:
    return CardShape(f"major-{number:02d}-{slug}", Arcana.MAJOR, None, number, element)


_F, _W, _A, _E = Element.FIRE, Element.WATER, Element.AIR, Element.EARTH

MAJORS: tuple[CardShape, ...] = (
    _major(0, "fool", _A), _major(1, "magician", _A), _major(2, "high-priestess", _W), _major(3, "empress", _E),
    _major(4, "emperor", _F), _major(5, "hierophant", _E), _major(6, "lovers", _A), _major(7, "chariot", _W),
    _major(8, "strength", _F), _major(9, "hermit", _E), _major(10, "wheel-of-fortune", _F),
    _major(11, "justice", _A), _major(12, "hanged-man", _W), _major(13, "death", _W),
    _major(14, "temperance", _F), _major(15, "devil", _E), _major(16, "tower", _F), _major(17, "star", _A),
    _major(18, "moon", _W), _major(19, "sun", _F), _major(20, "judgement", _F), _major(21, "world", _E),
)  # fmt: skip

MINORS: tuple[CardShape, ...] = tuple(
    CardShape(f"{suit.value}-{rank}", Arcana.MINOR, suit, number, SUIT_ELEMENT[suit])
    for suit in Suit
    for number, rank in enumerate(MINOR_RANKS, start=1)
)

CARDS: tuple[CardShape, ...] = MAJORS + MINORS
"""All 78 in canonical order: majors 0–21, then wands, cups, swords, pentacles, ace → king."""
