"""A reading: what was asked, what was drawn, what was said, and what it cost."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from tarot_domain.model.draw import DrawnCard


@frozen
class QuestionnaireAnswer:
    item_id: str
    answer: str


@frozen
class Interpretation:
    """The interpreter's text and its bookkeeping (which interpreter, model and token usage)."""

    text: str
    interpreter: str
    model: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: bool = False


@frozen
class FollowUp:
    question: str
    interpretation: Interpretation
    created_at: datetime
    cost: int = 0
    hold_id: str | None = None


@frozen
class Reading:
    """`cost` is what the user was charged (0 for a free or fallback reading); `fallback` marks an
    offline reading given because the configured interpreter failed."""

    id: str
    user_id: str
    idempotency_key: str
    spread_id: str
    deck_id: str
    language: str
    question: str
    cards: tuple[DrawnCard, ...]
    interpretation: Interpretation
    created_at: datetime
    answers: tuple[QuestionnaireAnswer, ...] = ()
    cost: int = 0
    hold_id: str | None = None
    fallback: bool = False
    follow_ups: tuple[FollowUp, ...] = ()
