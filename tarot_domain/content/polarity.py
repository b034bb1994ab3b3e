"""Each card's yes/no polarity, by orientation, from reading tradition (language-neutral).

A closed question's lean is weighed from these by position (the answer and outcome cards weigh most).
`strength` runs 1 (a faint tendency) to 3 (as clear as a card gets). Heavy cards are never a yes upright:
the Ten, Nine, Five and Three of Swords, the Tower, the Five of Pentacles and the Five of Cups all lean no.
Reversed cards mostly lean a faint no (blocked, delayed), except where tradition reads the reversal as
release (the Devil, the Eight of Swords, the Five of Cups) or recovery (the Ten and Three of Swords, the
Five of Pentacles: unclear).

A deck whose tradition reads a card differently overrides it in `DECK_POLARITY` (Thoth reads its small
cards by their titles: the Seven of Disks is Failure, the Nine of Wands Strength, the Six of Swords
Science; Marseille reads its pips by number and element: its Eight of Cups is a full heart, not a
departure). Heavy cards stay short of a yes in every deck.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen


class Lean(enum.Enum):
    YES = "yes"
    NO = "no"
    UNCLEAR = "unclear"


@frozen
class Polarity:
    lean: Lean
    strength: int

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.strength <= 3:
            raise ValueError(f"polarity strength must be 1..3, got {self.strength}")

    @property
    def score(self) -> int:
        """Signed weight: yes positive, no negative, unclear zero."""
        if self.lean is Lean.YES:
            return self.strength
        if self.lean is Lean.NO:
            return -self.strength
        return 0


P = Polarity

HEAVY_CARDS: frozenset[str] = frozenset(
    {
        "swords-ten",
        "swords-nine",
        "swords-five",
        "swords-three",
        "major-16-tower",
        "pentacles-five",
        "cups-five",
    }
)
"""The cards whose upright side is never a yes, in any deck (the tests and the benchmark hold us to it)."""

POLARITY: Mapping[str, tuple[Polarity, Polarity]] = MappingProxyType(
    {  # card id: (upright, reversed)
        "major-00-fool": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "major-01-magician": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "major-02-high-priestess": (P(Lean.UNCLEAR, 1), P(Lean.UNCLEAR, 1)),
        "major-03-empress": (P(Lean.YES, 2), P(Lean.UNCLEAR, 1)),
        "major-04-emperor": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "major-05-hierophant": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "major-06-lovers": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "major-07-chariot": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "major-08-strength": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "major-09-hermit": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "major-10-wheel-of-fortune": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "major-11-justice": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "major-12-hanged-man": (P(Lean.UNCLEAR, 2), P(Lean.NO, 1)),
        "major-13-death": (P(Lean.NO, 2), P(Lean.NO, 1)),
        "major-14-temperance": (P(Lean.YES, 1), P(Lean.UNCLEAR, 1)),
        "major-15-devil": (P(Lean.NO, 2), P(Lean.YES, 1)),
        "major-16-tower": (P(Lean.NO, 3), P(Lean.NO, 2)),
        "major-17-star": (P(Lean.YES, 3), P(Lean.UNCLEAR, 1)),
        "major-18-moon": (P(Lean.UNCLEAR, 2), P(Lean.UNCLEAR, 1)),
        "major-19-sun": (P(Lean.YES, 3), P(Lean.YES, 1)),
        "major-20-judgement": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "major-21-world": (P(Lean.YES, 3), P(Lean.UNCLEAR, 1)),
        "wands-ace": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "wands-two": (P(Lean.YES, 1), P(Lean.UNCLEAR, 1)),
        "wands-three": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "wands-four": (P(Lean.YES, 3), P(Lean.YES, 1)),
        "wands-five": (P(Lean.UNCLEAR, 1), P(Lean.UNCLEAR, 1)),
        "wands-six": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "wands-seven": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "wands-eight": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "wands-nine": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "wands-ten": (P(Lean.NO, 1), P(Lean.UNCLEAR, 1)),
        "wands-page": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "wands-knight": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "wands-queen": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "wands-king": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "cups-ace": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "cups-two": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "cups-three": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "cups-four": (P(Lean.NO, 1), P(Lean.UNCLEAR, 1)),
        "cups-five": (P(Lean.NO, 2), P(Lean.YES, 1)),
        "cups-six": (P(Lean.YES, 1), P(Lean.UNCLEAR, 1)),
        "cups-seven": (P(Lean.UNCLEAR, 2), P(Lean.UNCLEAR, 1)),
        "cups-eight": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
        "cups-nine": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "cups-ten": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "cups-page": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "cups-knight": (P(Lean.YES, 2), P(Lean.UNCLEAR, 1)),
        "cups-queen": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "cups-king": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "swords-ace": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "swords-two": (P(Lean.UNCLEAR, 2), P(Lean.UNCLEAR, 1)),
        "swords-three": (P(Lean.NO, 3), P(Lean.UNCLEAR, 1)),
        "swords-four": (P(Lean.UNCLEAR, 1), P(Lean.UNCLEAR, 1)),
        "swords-five": (P(Lean.NO, 2), P(Lean.NO, 1)),
        "swords-six": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "swords-seven": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
        "swords-eight": (P(Lean.NO, 2), P(Lean.YES, 1)),
        "swords-nine": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
        "swords-ten": (P(Lean.NO, 3), P(Lean.UNCLEAR, 1)),
        "swords-page": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "swords-knight": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "swords-queen": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "swords-king": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "pentacles-ace": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "pentacles-two": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "pentacles-three": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "pentacles-four": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
        "pentacles-five": (P(Lean.NO, 3), P(Lean.UNCLEAR, 1)),
        "pentacles-six": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "pentacles-seven": (P(Lean.UNCLEAR, 2), P(Lean.NO, 1)),
        "pentacles-eight": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "pentacles-nine": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "pentacles-ten": (P(Lean.YES, 3), P(Lean.NO, 1)),
        "pentacles-page": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "pentacles-knight": (P(Lean.YES, 1), P(Lean.NO, 1)),
        "pentacles-queen": (P(Lean.YES, 2), P(Lean.NO, 1)),
        "pentacles-king": (P(Lean.YES, 2), P(Lean.NO, 1)),
    }
)

DECK_POLARITY: Mapping[str, Mapping[str, tuple[Polarity, Polarity]]] = MappingProxyType(
    {
        "thoth": MappingProxyType(
            {
                "wands-nine": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "cups-four": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "cups-seven": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
                "cups-eight": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
                "cups-ten": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "swords-two": (P(Lean.YES, 1), P(Lean.UNCLEAR, 1)),
                "swords-four": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "swords-six": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "swords-seven": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
                "swords-eight": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
                "swords-nine": (P(Lean.NO, 3), P(Lean.UNCLEAR, 1)),
                "pentacles-two": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "pentacles-four": (P(Lean.YES, 1), P(Lean.NO, 1)),
                "pentacles-five": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
                "pentacles-seven": (P(Lean.NO, 2), P(Lean.UNCLEAR, 1)),
                "pentacles-eight": (P(Lean.YES, 1), P(Lean.NO, 1)),
            }
        ),
        "marseille": MappingProxyType(
            {  # pips read by number and element; the heavy cards stay short of a yes
                "wands-ten": (P(Lean.YES, 1), P(Lean.UNCLEAR, 1)),
                "cups-four": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "cups-five": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "cups-six": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "cups-seven": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "cups-eight": (P(Lean.YES, 3), P(Lean.NO, 1)),
                "cups-nine": (P(Lean.YES, 1), P(Lean.NO, 1)),
                "cups-ten": (P(Lean.YES, 2), P(Lean.UNCLEAR, 1)),
                "swords-three": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "swords-four": (P(Lean.YES, 1), P(Lean.NO, 1)),
                "swords-five": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "swords-six": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "swords-seven": (P(Lean.YES, 1), P(Lean.NO, 1)),
                "swords-eight": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "swords-nine": (P(Lean.NO, 1), P(Lean.UNCLEAR, 1)),
                "swords-ten": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "pentacles-two": (P(Lean.YES, 1), P(Lean.NO, 1)),
                "pentacles-four": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "pentacles-five": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "pentacles-seven": (P(Lean.YES, 2), P(Lean.NO, 1)),
                "pentacles-nine": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "major-13-death": (P(Lean.UNCLEAR, 1), P(Lean.NO, 1)),
                "major-16-tower": (P(Lean.UNCLEAR, 2), P(Lean.NO, 1)),
            }
        ),
    }
)


def polarity(card_id: str, reversed_: bool, deck_id: str | None = None) -> Polarity:
    """The card's polarity in `deck_id`'s tradition (the shared reading when the deck does not differ)."""
    pair = DECK_POLARITY.get(deck_id or "", MappingProxyType({})).get(card_id) or POLARITY[card_id]
    return pair[1] if reversed_ else pair[0]


def deck_polarity(deck_id: str, card_id: str) -> tuple[Polarity, Polarity] | None:
    """The deck's own (upright, reversed) polarity for the card where its tradition reads it differently
    from the shared one, else None."""
    own = DECK_POLARITY.get(deck_id, MappingProxyType({})).get(card_id)
    return None if own is None or own == POLARITY[card_id] else own
