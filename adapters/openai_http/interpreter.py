"""`OpenAIInterpreter`: the Interpreter port on an OpenAI-compatible chat completions API."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import httpx

from adapters.openai_http.client import ChatCompletionsClient, ChatResult, Jitter, Sleep
from adapters.openai_http.config import OpenAIConfig
from adapters.openai_http.guard import NO_LEAN, LeanStripper, check_framed, strip_lean
from adapters.openai_http.prompt import (
    ChatMessage,
    cache_key,
    cap_length,
    expects_lean,
    follow_up_messages,
    missing_cards,
    reading_messages,
)
from tarot_domain.content.version import versioned
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind, pointer_for
from tarot_ports.cache import Cache
from tarot_ports.clock import Clock
from tarot_ports.interpreter import InterpretationRequest, OnDelta

logger = logging.getLogger("adapters.openai_http")

CACHE_TTL_SECONDS = 24 * 60 * 60


class OpenAIInterpreter:
    """Readings and follow-ups written by a chat model.

    A reading is accepted only when it is complete and names every drawn card (in the deck's names);
    otherwise it raises `TarotError(API, retryable=False)` and the use case falls back to the offline
    reading. Question-less readings (the card of the day: no question, no questionnaire answers) are
    shared through `cache` for a day, keyed by the model, the full prompt and the content version;
    readings with a question are personal and never cached.

    The model's lean line is always taken out (`guard`). On a framed question (health, legal, money)
    nothing streams: the whole answer must pass `guard.check_framed` first, or `UnsafeAnswer` sends
    the use case to the offline reading; a passing answer is delivered after the pack's pointer.
    """

    def __init__(
        self,
        config: OpenAIConfig,
        *,
        cache: Cache | None = None,
        http: httpx.AsyncClient | None = None,
        sleep: Sleep = asyncio.sleep,
        jitter: Jitter = random.random,
        clock: Clock | None = None,
    ) -> None:
        self._config = config
        self._cache = cache
        self._client = ChatCompletionsClient(config, http=http, sleep=sleep, jitter=jitter, clock=clock)

    @property
    def name(self) -> str:
        return f"openai:{self._config.model}"

    async def aclose(self) -> None:
        """Close the HTTP client if this interpreter created it (a shared one belongs to its owner)."""
        await self._client.aclose()

    async def __aenter__(self) -> OpenAIInterpreter:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self.aclose()

    # ----------------------------------------------------------------- the port

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        messages = reading_messages(request)
        if request.safety is not None:
            return await self._framed(messages, request, request.safety, request.language, on_delta)
        if self._cache is None or request.question or request.answers:
            return await self._reading(messages, request, on_delta)

        cache = self._cache
        key = versioned(cache_key(self._config.model, messages))  # new content never meets old entries
        fresh: list[Interpretation] = []

        async def compute() -> dict[str, Any]:
            fresh.append(await self._reading(messages, request, on_delta))
            return _to_cache(fresh[0])

        value = await cache.get_or_set(key, compute, CACHE_TTL_SECONDS)
        if fresh:
            return fresh[0]
        hit = self._from_cache(value, request)
        if hit is None:  # an entry we cannot use (older format, or it no longer names the cards)
            interpretation = await self._reading(messages, request, on_delta)
            await cache.set(key, _to_cache(interpretation), CACHE_TTL_SECONDS)
            return interpretation
        logger.info("openai reading served from cache")
        if on_delta is not None:
            await on_delta(hit.text)
        return hit

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        messages = follow_up_messages(reading, earlier, question, safety)
        if safety is not None:
            return await self._framed(messages, None, safety, reading.language, on_delta)
        result, text, _ = await self._complete(messages, on_delta)
        if not text:
            raise TarotError(ErrorKind.API, "openai follow-up answer is empty", retryable=False)
        return self._interpretation(text, result)

    # ----------------------------------------------------------------- helpers

    async def _complete(
        self, messages: Sequence[ChatMessage], on_delta: OnDelta | None
    ) -> tuple[ChatResult, str, str | None]:
        """The answer without its lean line, and the lean it gave; streamed (without the line too) when
        `on_delta` is given."""
        stripper = None if on_delta is None else LeanStripper(on_delta)
        result = await self._client.complete(messages, None if stripper is None else stripper.feed)
        if stripper is not None:
            await stripper.finish()
        body, lean = strip_lean(result.text)
        return result, cap_length(body), lean

    async def _reading(
        self, messages: Sequence[ChatMessage], request: InterpretationRequest, on_delta: OnDelta | None
    ) -> Interpretation:
        result, text, lean = await self._complete(messages, on_delta)
        self._check_complete(text, request)
        if expects_lean(request) and (lean is None or lean in NO_LEAN):
            # A closed question must be answered: the offline reading, which always is, is served instead.
            detail = "openai reading of a closed question gives no lean"
            logger.warning("%s; the reading is refused", detail)
            raise TarotError(ErrorKind.API, detail, retryable=False)
        return self._interpretation(text, result)

    async def _framed(
        self,
        messages: Sequence[ChatMessage],
        request: InterpretationRequest | None,
        kind: SafetyKind,
        language: str,
        on_delta: OnDelta | None,
    ) -> Interpretation:
        """A framed answer: asked for whole, checked, then delivered after the pointer paragraph."""
        result = await self._client.complete(messages, None)
        body, lean = strip_lean(result.text)
        text = cap_length(body)
        check_framed(kind, text, lean)
        self._check_complete(text, request)
        framed = f"{pointer_for(kind, language)}\n\n{text}"
        if on_delta is not None:
            await on_delta(framed)
        return self._interpretation(framed, result)

    def _check_complete(self, text: str, request: InterpretationRequest | None) -> None:
        if not text:
            raise TarotError(ErrorKind.API, "openai reading is empty", retryable=False)
        missing = [] if request is None else missing_cards(text, request)
        if missing:
            # Card names are ours (deck data), not the querent's words, so they are safe to log.
            detail = f"openai reading does not name {', '.join(missing)}"
            logger.warning("%s; the reading is refused", detail)
            raise TarotError(ErrorKind.API, detail, retryable=False)

    def _interpretation(self, text: str, result: ChatResult) -> Interpretation:
        return Interpretation(
            text=text,
            interpreter=self.name,
            model=result.model,
            prompt_tokens=result.prompt_tokens,
            completion_tokens=result.completion_tokens,
        )

    def _from_cache(self, value: Any, request: InterpretationRequest) -> Interpretation | None:
        if not isinstance(value, dict):
            return None
        text, model = value.get("text"), value.get("model")
        if not isinstance(text, str) or not text or missing_cards(text, request):
            return None
        # No tokens were spent on a hit; counting the original's again would overstate the cost.
        return Interpretation(
            text=text, interpreter=self.name, model=model if isinstance(model, str) else None, cached=True
        )


def _to_cache(interpretation: Interpretation) -> dict[str, Any]:
    return {"text": interpretation.text, "model": interpretation.model}
