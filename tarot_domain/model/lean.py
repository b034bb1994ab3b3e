"""The lean of a closed question: which way the cards point, weighed from their polarity by position.

Each card pulls by its polarity in the deck's tradition (`content.polarity`: yes positive, no negative,
unclear zero, strength 1–3; a bright card in an obstacle's place pulls neither way) times its position's
weight (`ROLE_WEIGHTS`): the answer and the outcome
weigh most, then the near future, the present and the thread of a period, the past least. The balance is
the pull summed over the pull every card would give at full strength, so it runs from -1 (every card a
clear no) to 1; unclear cards weigh in the denominator and so make a lean less clear.

The lean is `yes`/`no` past `UNCLEAR_BELOW`, with a strength band (cautious, on balance, clear); the one
card of a yes-no spread reads as its polarity (strength 1 cautious, 2 on balance, 3 clear). When the cards
truly split (the smaller side pulls at least `SPLIT_SHARE` of all the pull), the band is capped at
cautious and the two cards pulling hardest each way are named, so a reading can say what the answer
depends on. Every rule moves one way with the balance and the split share, so the lean never falls when
the outcome card's polarity rises (a property test).

There is no lean (None) for an open question and wherever the safety screen forbids one: the caller
says which (`lean_for`). A choice between two options ("Should I move to Lisbon or stay in Kyiv?")
leans yes towards the first and no towards the second.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from attrs import frozen

from tarot_domain.content.polarity import Lean, polarity
from tarot_domain.content.structure.roles import Role
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.question import analyse
from tarot_domain.model.spreads import Spread, get_spread

__all__ = [
    "ANSWER_POSITION",
    "LEAN_SHAPES",
    "Band",
    "Lean",
    "LeanReading",
    "Pull",
    "has_answer_position",
    "lean_for",
    "lean_of",
    "question_shape",
    "weigh",
]

ANSWER_POSITION = "answer"

LEAN_SHAPES: frozenset[str] = frozenset({"closed", "should", "when"})
"""Question shapes that take a lean (`model.question`): yes/no, "should I…", "when…" (soon or not yet)."""

ROLE_WEIGHTS: Mapping[Role, float] = MappingProxyType(
    {
        Role.ANSWER: 4.0,
        Role.OUTCOME: 4.0,
        Role.NEAR_FUTURE: 2.0,
        Role.PRESENT: 2.0,
        Role.THEME: 2.0,
        Role.BETWEEN: 1.5,
        Role.ADVICE: 1.0,
        Role.CROWN: 1.0,
        Role.CHALLENGE: 1.0,
        Role.OPPORTUNITY: 1.0,
        Role.STRENGTH: 1.0,
        Role.SELF: 1.0,
        Role.OTHER: 1.0,
        Role.ENVIRONMENT: 1.0,
        Role.CALLING: 1.0,
        Role.DAY: 1.0,
        Role.MONTH: 1.0,
        Role.STAGE: 1.0,
        Role.HIDDEN: 0.5,
        Role.FOUNDATION: 0.5,
        Role.HOPES_FEARS: 0.5,
        Role.LESSON: 0.5,
        Role.DESIRE: 0.5,
        Role.FEAR: 0.5,
        Role.WOUND: 0.5,
        Role.SHADOW: 0.5,
        Role.PAST: 0.5,
        Role.RECENT_PAST: 0.5,
    }
)
"""How much each position's card weighs in the lean (a test keeps it total over `Role`)."""

OBSTACLES: frozenset[Role] = frozenset({Role.CHALLENGE, Role.FEAR, Role.SHADOW, Role.WOUND})
"""Places that read a card's hard side: a heavy card there pulls towards no, a bright one reads as its
shadow and pulls neither way (a bright challenge is still a challenge)."""
UNKNOWN_WEIGHT = 1.0  # a card on a position the spread no longer has
UNCLEAR_BELOW = 0.07
CAUTIOUS_BELOW = 0.35
ON_BALANCE_BELOW = 0.75
SPLIT_SHARE = 0.38


class Band(enum.Enum):
    """How firmly the cards lean, weakest first."""

    CAUTIOUS = 1
    ON_BALANCE = 2
    CLEAR = 3


@frozen
class Pull:
    """One card's part in the lean: its place, its polarity score (-3…3) and its position's weight."""

    position_id: str
    card_id: str
    reversed: bool
    role: Role | None
    weight: float
    score: int

    @property
    def pull(self) -> float:
        return self.weight * self.score


@frozen
class LeanReading:
    """Which way the cards lean, how firmly, and why.

    - `lean`, `band` (None when unclear), `balance` (-1…1);
    - `decisive`: the card that decides it (the hardest pull the lean's way; for an unclear lean the
      heaviest card, whose own polarity is not decisive);
    - `split`: (the card pulling hardest towards yes, the one pulling hardest towards no) when the cards
      truly split, else None.
    """

    lean: Lean
    band: Band | None
    balance: float
    decisive: Pull
    split: tuple[Pull, Pull] | None = None
    pulls: tuple[Pull, ...] = ()

    @property
    def rank(self) -> int:
        """The lean on one scale, -3 (a clear no) … 0 (unclear) … 3 (a clear yes)."""
        if self.band is None or self.lean is Lean.UNCLEAR:
            return 0
        return self.band.value if self.lean is Lean.YES else -self.band.value


def has_answer_position(spread: Spread) -> bool:
    """Whether `spread` asks a yes-or-no question by its layout (the yes-no spread)."""
    return any(position.id == ANSWER_POSITION for position in spread.positions)


def takes_lean(spread: Spread, shape: str | None) -> bool:
    """Whether a reading of `spread` for a question of `shape` carries a lean (before safety)."""
    return has_answer_position(spread) or shape in LEAN_SHAPES


def lean_for(
    spread: Spread, deck_id: str, cards: Sequence[DrawnCard], *, shape: str | None, framed: bool
) -> LeanReading | None:
    """The reading's lean: None when `framed` (the safety screen forbids one) or when neither the spread
    nor the question's shape asks for one; else the cards weighed (`weigh`)."""
    if framed or not cards or not takes_lean(spread, shape):
        return None
    return weigh(spread, deck_id, cards)


def pulls_of(spread: Spread, deck_id: str, cards: Sequence[DrawnCard]) -> tuple[Pull, ...]:
    roles = {position.id: position.role for position in spread.positions}
    pulls = []
    for drawn in cards:
        role = roles.get(drawn.position_id)
        weight = UNKNOWN_WEIGHT if role is None else ROLE_WEIGHTS[role]
        score = polarity(drawn.card_id, drawn.reversed, deck_id).score
        if role in OBSTACLES:
            score = min(score, 0)
        pulls.append(Pull(drawn.position_id, drawn.card_id, drawn.reversed, role, weight, score))
    return tuple(pulls)


def weigh(spread: Spread, deck_id: str, cards: Sequence[DrawnCard]) -> LeanReading:
    """The cards' lean for a closed question, whatever the question (see the module docstring)."""
    if not cards:
        raise ValueError("a lean needs at least one card")
    pulls = pulls_of(spread, deck_id, cards)
    full = 3 * sum(p.weight for p in pulls)
    balance = sum(p.pull for p in pulls) / full if full else 0.0
    towards_yes = sum(p.pull for p in pulls if p.pull > 0)
    towards_no = -sum(p.pull for p in pulls if p.pull < 0)
    total = towards_yes + towards_no
    split = total > 0 and min(towards_yes, towards_no) / total >= SPLIT_SHARE
    band = _band(abs(balance), split)
    lean = Lean.UNCLEAR if band is None else Lean.YES if balance > 0 else Lean.NO
    return LeanReading(
        lean=lean,
        band=band,
        balance=balance,
        decisive=_decisive(pulls, lean),
        split=_split(pulls) if split else None,
        pulls=pulls,
    )


def _band(size: float, split: bool) -> Band | None:
    if size < UNCLEAR_BELOW:
        return None
    if split or size < CAUTIOUS_BELOW:
        return Band.CAUTIOUS
    return Band.ON_BALANCE if size < ON_BALANCE_BELOW else Band.CLEAR


def _decisive(pulls: Sequence[Pull], lean: Lean) -> Pull:
    """The hardest pull the lean's way (ties: the heavier position, then the earlier card)."""
    if lean is Lean.UNCLEAR:
        return max(pulls, key=lambda p: (p.weight, -abs(p.score), -pulls.index(p)))
    sign = 1 if lean is Lean.YES else -1
    return max(pulls, key=lambda p: (sign * p.pull, p.weight, -pulls.index(p)))


def _split(pulls: Sequence[Pull]) -> tuple[Pull, Pull]:
    yes = max(pulls, key=lambda p: (p.pull, p.weight, -pulls.index(p)))
    no = min(pulls, key=lambda p: (p.pull, -p.weight, pulls.index(p)))
    return yes, no


def question_shape(question: str, language: str) -> str | None:
    """The shape of `question` from the question analysis (`model.question`); None when nothing was asked."""
    if not question.strip():
        return None
    return analyse(question, language).shape.value


def lean_of(
    spread_id: str,
    deck_id: str,
    cards: Sequence[DrawnCard],
    question: str,
    language: str,
    *,
    framed: bool = False,
) -> LeanReading | None:
    """The lean of a reading as stored (spread, deck, draw and question): what `tarot read --json` and
    the web API report as `lean`, and what the offline composer and the LLM prompt answer with."""
    spread = get_spread(spread_id)
    return lean_for(spread, deck_id, cards, shape=question_shape(question, language), framed=framed)
