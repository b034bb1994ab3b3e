"""Decks: the same 78 canonical cards under each deck's own names and numbering.

A reading always stores canonical card ids; a deck only changes how a card is shown and read. Ids and
numbering come from `content.structure.decks` (Thoth and Marseille swap the numbers of Strength and
Justice; Marseille leaves the Fool unnumbered); every word comes from the packs: the deck's name,
description and suit words here, each card's name and tradition through `model.knowledge`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from tarot_domain.content import keys
from tarot_domain.content.registry import PackText
from tarot_domain.content.structure import decks as structure
from tarot_domain.model.cards import Card, Suit
from tarot_domain.model.errors import validation
from tarot_domain.model.localized import Localized

DEFAULT_DECK_ID = structure.DEFAULT_DECK_ID

_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    """`number` in Roman numerals; 0 is written "0" (the Fool's number)."""
    if number < 0:
        raise ValueError(f"no Roman numeral for {number}")
    if number == 0:
        return "0"
    parts: list[str] = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        parts.append(numeral * count)
    return "".join(parts)


@frozen
class Deck:
    """One deck: its id, its words (pack texts) and how it numbers the major arcana.

    - `major_numbers`: canonical rank → the number the deck prints on the card, or None for an
      unnumbered card; a missing rank keeps the canonical rank.
    - `suit_names`: the suit word as the deck prints it in a card name (English "Disks", Ukrainian
      genitive plural «Дисків»), for text about a suit as a whole.

    Decks compare and hash by `id` alone.
    """

    id: str
    name: Localized = field(eq=False)
    description: Localized = field(eq=False)
    suit_names: Mapping[Suit, Localized] = field(factory=dict, eq=False)
    major_numbers: Mapping[int, int | None] = field(factory=dict, eq=False)

    def card_number(self, card: Card) -> str | None:
        """The major arcanum's number in this deck in Roman numerals ("0" for a zero), else None."""
        if card.suit is not None:
            return None
        number = self.major_numbers.get(card.rank, card.rank)
        return None if number is None else roman(number)


_DECKS: tuple[Deck, ...] = tuple(
    Deck(
        id=shape.id,
        name=PackText(keys.deck_name(shape.id)),
        description=PackText(keys.deck_description(shape.id)),
        suit_names=MappingProxyType({suit: PackText(keys.deck_suit(shape.id, suit.value)) for suit in Suit}),
        major_numbers=shape.major_numbers,
    )
    for shape in structure.DECKS
)


def all_decks() -> tuple[Deck, ...]:
    """Every deck, the default (Rider–Waite–Smith) first, then Thoth and Marseille."""
    return _DECKS


def deck_ids() -> tuple[str, ...]:
    return tuple(deck.id for deck in _DECKS)


def get_deck(deck_id: str) -> Deck:
    for deck in _DECKS:
        if deck.id == deck_id:
            return deck
    choices = ", ".join(deck_ids())
    raise validation(f"unknown deck {deck_id!r}", "error.unknown_deck", deck=deck_id, choices=choices)
