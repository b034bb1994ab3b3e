"""The lean of a closed question: which way the answer card points.

The yes-no spread reads its `answer` position as the spread describes it: upright leans yes, reversed
leans no. `UNCLEAR` is part of the vocabulary (an interpreter may report it, and card polarity by
position will produce it) but this rule never does. A framed question (health, legal, money) has no
lean at all: the use case leaves it None whatever the card says.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.spreads import Spread

ANSWER_POSITION = "answer"


class Lean(enum.Enum):
    YES = "yes"
    NO = "no"
    UNCLEAR = "unclear"


def has_answer_position(spread: Spread) -> bool:
    """Whether `spread` reads a closed question (its results carry a lean)."""
    return any(position.id == ANSWER_POSITION for position in spread.positions)


def lean_of(cards: Sequence[DrawnCard]) -> Lean | None:
    """The lean of a draw with an answer position (the yes-no spread); None for other spreads."""
    answer = next((card for card in cards if card.position_id == ANSWER_POSITION), None)
    if answer is None:
        return None
    return Lean.NO if answer.reversed else Lean.YES
