"""An interpreter for tests and benchmarks that measure everything but the interpretation: its reading
is the drawn cards' ids, its follow-up answer "more"; `pause` (seconds, from the request) lets readings
interleave."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_ports.interpreter import InterpretationRequest, OnDelta


class EchoInterpreter:
    def __init__(
        self, name: str = "echo", pause: Callable[[InterpretationRequest], float] | None = None
    ) -> None:
        self._name = name
        self._pause = pause

    @property
    def name(self) -> str:
        return self._name

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        if self._pause is not None:
            await asyncio.sleep(self._pause(request))
        return Interpretation(text=" ".join(c.card_id for c in request.cards), interpreter=self.name)

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        return Interpretation(text="more", interpreter=self.name)
