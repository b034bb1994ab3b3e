"""`OfflineInterpreter`: the Interpreter port without a network, writing from our card meanings.

It is the default interpreter when no LLM is configured and the fallback when one fails, so it never
raises for a well-formed request. The text is composed in `adapters.offline.compose`; this class only
delivers it, in paragraph-sized pieces when the caller streams.
"""

from __future__ import annotations

from collections.abc import Sequence

from adapters.offline.compose import compose_reading
from adapters.offline.follow_up import compose_follow_up
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_ports.interpreter import InterpretationRequest, OnDelta

NAME = "offline"
SEPARATOR = "\n\n"


class OfflineInterpreter:
    """Interpreter port: a reading in the request's language (English when it has no table)."""

    @property
    def name(self) -> str:
        return NAME

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        return await _deliver(compose_reading(request), on_delta)

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        return await _deliver(compose_follow_up(reading, earlier, question, safety), on_delta)


async def _deliver(chunks: Sequence[str], on_delta: OnDelta | None) -> Interpretation:
    text = SEPARATOR.join(chunks)
    if on_delta is not None:
        last = len(chunks) - 1
        for index, chunk in enumerate(chunks):
            await on_delta(chunk if index == last else chunk + SEPARATOR)
    return Interpretation(text=text, interpreter=NAME, model=None)
