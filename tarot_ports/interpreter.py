"""The interpreter: turns a drawn spread into words (an LLM, or the offline composer)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from attrs import frozen

from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.readings import FollowUp, Interpretation, QuestionnaireAnswer, Reading
from tarot_domain.model.safety import SafetyKind

OnDelta = Callable[[str], Awaitable[None]]
"""Called with each piece of text as it arrives, for frontends that show a reading being written."""


@frozen
class InterpretationRequest:
    """What to read. `safety` is the screen's verdict on the question and answers: None for an
    ordinary question, or HEALTH / LEGAL / MONEY for one the reading must frame (a crisis never gets
    this far). A framed reading opens with the pack's pointer paragraph (`safety.pointer_for`) and
    gives no yes/no lean and no directive."""

    spread_id: str
    deck_id: str
    language: str
    question: str
    cards: tuple[DrawnCard, ...]
    answers: tuple[QuestionnaireAnswer, ...] = ()
    safety: SafetyKind | None = None


class Interpreter(Protocol):
    @property
    def name(self) -> str:
        """Stored with each reading (`offline`, `openai:<model>`)."""
        ...

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        """Write the reading; stream pieces to `on_delta` where the interpreter can.

        The text names every drawn card. Raises API (retryable or not) when it cannot deliver a
        complete reading, or a safe one (`safety.UnsafeAnswer`: a lean or directive on a framed
        topic); the use case then falls back to the offline interpreter.
        """
        ...

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        """Answer a further question about `reading` from its drawn cards; `safety` frames it as for
        a reading (the use case passes the verdict on the reading's texts and this question). Raises
        API."""
        ...
