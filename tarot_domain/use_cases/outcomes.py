"""How the reading use case reports what happened, as events (`tarot_domain.model.events`).

One stream for every frontend: the bot, the web API, the CLI and the console chat are measured and
logged the same way because the use case, not each frontend, says what happened. The interpreter is
asked here too, so a failure is reported (with its reason, and the exception for the log) before the
offline reader writes the free fallback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime
from typing import TypeVar

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.events import (
    CardsDrawn,
    FallbackReason,
    InterpreterFailed,
    ReadingCompleted,
    ReadingKind,
    ReadingRefused,
)
from tarot_domain.model.readings import Interpretation
from tarot_domain.model.safety import UnsafeAnswer
from tarot_domain.model.spreads import get_spread
from tarot_domain.use_cases.context import Services
from tarot_ports.interpreter import InterpretationRequest, Interpreter

T = TypeVar("T", bound=Interpretation)
UNKNOWN_SPREAD = "unknown"


def fallback_reason(error: Exception) -> FallbackReason:
    if isinstance(error, UnsafeAnswer):
        return FallbackReason.UNSAFE
    if isinstance(error, TarotError):
        return FallbackReason.API
    return FallbackReason.INTERNAL


def known_spread(spread_id: str) -> str:
    """A spread id fit for a metric label: a known one, else "unknown" (labels must stay few)."""
    try:
        return get_spread(spread_id).id
    except TarotError:
        return UNKNOWN_SPREAD


class Outcomes:
    def __init__(self, services: Services) -> None:
        self._s = services

    def now(self) -> datetime:
        return self._s.clock.now()

    @contextlib.contextmanager
    def refusals(self, kind: ReadingKind, spread_id: str) -> Iterator[None]:
        """Report a domain error that ends the request (the safety screen's answer excepted: it was
        reported as `Screened`)."""
        try:
            yield
        except TarotError as error:
            if error.kind is not ErrorKind.SCREENED:
                self._s.events.emit(ReadingRefused(kind, known_spread(spread_id), error.kind.value))
            raise

    def drawn(self, kind: ReadingKind, request: InterpretationRequest) -> None:
        self._s.events.emit(
            CardsDrawn(kind, request.spread_id, request.deck_id, request.language, request.cards)
        )

    async def written(
        self,
        kind: ReadingKind,
        interpreter: Interpreter,
        fallback: Interpreter,
        ask: Callable[[Interpreter], Awaitable[T]],
    ) -> tuple[T, FallbackReason | None]:
        """`ask(interpreter)`; when it raises anything but a cancellation, the failure is reported and
        `ask(fallback)` answers instead."""
        try:
            return await ask(interpreter), None
        except Exception as error:
            reason = fallback_reason(error)
            self._s.events.emit(InterpreterFailed(kind, interpreter.name, reason, error))
            return await ask(fallback), reason

    def completed(
        self,
        kind: ReadingKind,
        spread_id: str,
        interpretation: Interpretation,
        fallback: FallbackReason | None,
        cost: int,
        started: datetime,
    ) -> None:
        seconds = max((self._s.clock.now() - started).total_seconds(), 0.0)
        self._s.events.emit(
            ReadingCompleted(kind, spread_id, interpretation.interpreter, fallback, cost, seconds)
        )
