"""Decks: ids and numbering schemes (their words, card names and traditions live in the packs).

`major_numbers` maps a canonical major rank (0–21, Rider–Waite order: Strength 8, Justice 11) to the
number the deck prints, None for an unnumbered card; a rank left out keeps its canonical number.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

DEFAULT_DECK_ID = "rider-waite"


@frozen
class DeckShape:
    id: str
    major_numbers: Mapping[int, int | None] = field(factory=dict)


DECKS: tuple[DeckShape, ...] = (
    DeckShape("rider-waite"),
    DeckShape("thoth", major_numbers={8: 11, 11: 8}),  # Lust XI, Adjustment VIII
    DeckShape("marseille", major_numbers={0: None, 8: 11, 11: 8}),  # an unnumbered Fool, Justice VIII
)
"""Every deck, the default first."""
