"""Chat completions over raw HTTP: one request, plain or streamed (SSE), with the official client's retries.

Works with any OpenAI-compatible server (OpenAI, vLLM, Ollama, LiteLLM): only standard parameters are
sent, and missing optional fields (`usage`, `model`) are tolerated. A result is returned only for a
complete answer (`finish_reason == "stop"`); everything else is a `TarotError(ErrorKind.API, ...)`.

Retries follow the official `openai` package: connection errors, timeouts, 408, 409, 429 and 5xx are
retried (an `x-should-retry` header overrides), with exponential backoff and jitter, or the server's
`retry-after-ms` / `retry-after` when it gives one. Unlike the official client, a `retry-after` beyond
`MAX_RETRY_AFTER` is capped rather than ignored. A 429 `insufficient_quota` is never retried: it is
an operator's problem, logged as an ALERT. A streamed answer is retried only before its body starts,
so text already handed to `on_delta` is never sent twice.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import cattrs
import httpx
from attrs import Factory, define, frozen

from adapters.openai_http.config import OpenAIConfig
from adapters.openai_http.pacing import Pacer
from adapters.openai_http.prompt import ChatMessage
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_ports.clock import Clock
from tarot_ports.interpreter import OnDelta

logger = logging.getLogger("adapters.openai_http")

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
USER_AGENT = "tarot-bot/0.1"

Sleep = Callable[[float], Awaitable[None]]
Jitter = Callable[[], float]
"""A uniform number in [0, 1); the delay is multiplied by `1 - 0.25 * jitter()`, as in the official client."""

_RETRY_STATUSES = frozenset({408, 409, 429})
_SECRET = re.compile(r"\b(sk-|Bearer\s+)[A-Za-z0-9_\-.*]{4,}")


@frozen
class ChatResult:
    """A complete answer. `model` is the model the server says answered (it may name a snapshot)."""

    text: str
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


# --- the wire format (cattrs, private to this adapter) --------------------------------------------


@define
class _Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0


@define
class _Message:
    content: str | None = None


@define
class _Choice:
    index: int = 0
    message: _Message | None = None
    delta: _Message | None = None
    finish_reason: str | None = None


@define
class _Completion:
    """A plain response or one streamed chunk; the two share every field we read."""

    model: str | None = None
    choices: list[_Choice] = Factory(list)
    usage: _Usage | None = None


def _content(value: Any, _: type) -> str | None:
    """A string, or (some servers) a list of content parts whose text pieces are joined."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p.get("text") or "" for p in value if isinstance(p, dict) and p.get("type") == "text")
    raise TypeError(f"unexpected content of type {type(value).__name__}")


def _count(value: Any, _: type) -> int:
    return value if isinstance(value, int) and value >= 0 else 0


_wire = cattrs.Converter(forbid_extra_keys=False)
_wire.register_structure_hook(str | None, _content)
_wire.register_structure_hook(int, _count)


def _structure(data: Any) -> _Completion:
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    return _wire.structure(data, _Completion)


# --- failures ----------------------------------------------------------------------------------------


class _Retryable(Exception):
    """A failure worth another attempt; `headers` may say how long to wait."""

    def __init__(self, error: TarotError, headers: httpx.Headers | None = None) -> None:
        super().__init__(error.detail)
        self.error = error
        self.headers = headers


def _api(detail: str, *, retryable: bool) -> TarotError:
    return TarotError(ErrorKind.API, detail, retryable=retryable)


def _error_fields(body: bytes) -> tuple[str | None, str | None, str]:
    """(code, type, message) from an error body in OpenAI's, vLLM's or Ollama's shape."""
    try:
        data = json.loads(body)
    except ValueError:
        return None, None, body[:200].decode("utf-8", "replace")
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, str):
        return None, None, error
    if not isinstance(error, dict):
        return None, None, str(error)[:200]
    code, kind = error.get("code"), error.get("type")
    return (
        None if code is None else str(code),
        None if kind is None else str(kind),
        str(error.get("message") or ""),
    )


# --- the client --------------------------------------------------------------------------------------

SHARD_CONNECTIONS = 50  # connections per HTTP client (see ChatCompletionsClient._shard)


@define
class _Shard:
    http: httpx.AsyncClient
    busy: int = 0  # requests on it now



class ChatCompletionsClient:
    """`POST {base_url}/chat/completions`, plain or streamed, retried.

    `http` is shared (a runner's resource) or, when None, created on first use and closed by `aclose`.
    `sleep`, `jitter` and `clock` are there so tests can see the delays without waiting for them.
    """

    def __init__(
        self,
        config: OpenAIConfig,
        *,
        http: httpx.AsyncClient | None = None,
        sleep: Sleep = asyncio.sleep,
        jitter: Jitter = random.random,
        clock: Clock | None = None,
    ) -> None:
        self._config = config
        self._http = http
        self._owns_http = http is None
        self._shards: list[_Shard] = []
        self._sleep = sleep
        self._jitter = jitter
        self._clock = clock
        self._url = f"{config.base_url}/chat/completions"
        self._pacer = Pacer(config.requests_per_second, sleep=sleep)
        self._timeout = httpx.Timeout(
            connect=config.connect_timeout,
            read=config.read_timeout,
            write=config.connect_timeout,
            pool=config.read_timeout,  # waiting for a free connection under load is not a failure yet
        )

    async def aclose(self) -> None:
        if self._owns_http:
            shards, self._shards = self._shards, []
            for shard in shards:
                await shard.http.aclose()

    async def complete(self, messages: Sequence[ChatMessage], on_delta: OnDelta | None = None) -> ChatResult:
        """The complete answer to `messages`, streamed through `on_delta` when given. Raises API."""
        body: dict[str, Any] = {
            "model": self._config.model,
            "messages": list(messages),
            "max_tokens": self._config.max_output_tokens,
            "temperature": self._config.temperature,
        }
        if on_delta is not None:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        attempts = self._config.max_retries + 1
        for attempt in range(1, attempts + 1):
            await self._pacer.wait()
            started = time.monotonic()
            try:
                result = await self._attempt(body, on_delta)
            except TarotError as error:
                # The use case falls back without a word, so this is where a failure gets logged.
                logger.error("openai request failed (attempt %d, not retried): %s", attempt, error.detail)
                raise
            except _Retryable as failure:
                if attempt == attempts:
                    logger.error("openai request failed after %d attempts: %s", attempt, failure.error.detail)
                    raise failure.error from None
                delay = self.retry_delay(attempt - 1, failure.headers)
                logger.warning(
                    "openai attempt %d/%d failed (%s); retrying in %.2fs",
                    attempt,
                    attempts,
                    failure.error.detail,
                    delay,
                )
                await self._sleep(delay)
                continue
            logger.debug(  # the access line is the request's one INFO line
                "openai %s completion: model=%s attempt=%d prompt_tokens=%d completion_tokens=%d %.2fs",
                "streamed" if on_delta else "plain",
                result.model,
                attempt,
                result.prompt_tokens,
                result.completion_tokens,
                time.monotonic() - started,
            )
            return result
        raise AssertionError("unreachable")

    # ----------------------------------------------------------------- delays

    def retry_delay(self, retries_so_far: int, headers: Mapping[str, str] | None) -> float:
        """The server's wish (capped at `MAX_RETRY_AFTER`) when it states one, else exponential backoff
        from 0.5 s doubling to at most 8 s, less up to a quarter of jitter."""
        wanted = self._retry_after(headers) if headers is not None else None
        if wanted is not None and wanted > 0:
            return min(wanted, MAX_RETRY_AFTER)
        backoff = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_so_far, 1000), MAX_RETRY_DELAY)
        return max(0.0, backoff * (1 - 0.25 * self._jitter()))

    def _retry_after(self, headers: Mapping[str, str]) -> float | None:
        millis = headers.get("retry-after-ms")
        if millis is not None:
            try:
                return float(millis) / 1000
            except ValueError:
                pass
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            return float(value)
        except ValueError:
            pass
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        now = self._clock.now() if self._clock is not None else datetime.now(UTC)
        return email.utils.mktime_tz(parsed) - now.timestamp()

    # ----------------------------------------------------------------- one attempt

    def _shard(self) -> _Shard:
        """The least busy of the HTTP clients. httpcore's pool scans every connection it holds for each
        request, so one pool of a thousand costs quadratic CPU (measured: most of the process at 1,000
        in flight); shards of `SHARD_CONNECTIONS` keep the scan short. Their sum is the provider's
        concurrency (OPENAI_MAX_CONNECTIONS), kept alive so readings do not reconnect every time."""
        if self._http is not None:
            if not self._shards:
                self._shards.append(_Shard(self._http))
            return self._shards[0]
        if not self._shards:
            total = self._config.max_connections
            tls = httpx.create_ssl_context()  # one certificate store for all (each load costs ~20 ms)
            for start in range(0, total, SHARD_CONNECTIONS):
                size = min(SHARD_CONNECTIONS, total - start)
                limits = httpx.Limits(max_connections=size, max_keepalive_connections=size)
                self._shards.append(_Shard(httpx.AsyncClient(limits=limits, verify=tls)))
        return min(self._shards, key=lambda shard: shard.busy)

    def _headers(self, stream: bool) -> dict[str, str]:
        headers = {
            "Content-Type": "application/json",
            "Accept": "text/event-stream" if stream else "application/json",
            "User-Agent": USER_AGENT,
        }
        if self._config.api_key:
            headers["Authorization"] = f"Bearer {self._config.api_key}"
        return headers

    async def _attempt(self, body: dict[str, Any], on_delta: OnDelta | None) -> ChatResult:
        shard = self._shard()
        shard.busy += 1
        try:
            return await self._attempt_on(shard.http, body, on_delta)
        finally:
            shard.busy -= 1

    async def _attempt_on(
        self, http: httpx.AsyncClient, body: dict[str, Any], on_delta: OnDelta | None
    ) -> ChatResult:
        stream = on_delta is not None
        try:
            async with http.stream(
                "POST", self._url, json=body, headers=self._headers(stream), timeout=self._timeout
            ) as response:
                if not response.is_success:
                    await response.aread()
                    raise self._status_failure(response)
                if on_delta is not None and _is_sse(response):
                    return await self._read_stream(response, on_delta)
                await response.aread()  # inside the try: a body cut short is retried like the official client
                result = self._read_plain(response)
            if on_delta is not None:  # a server that ignored `stream`: hand the answer over in one piece
                await on_delta(result.text)
            return result
        except httpx.TimeoutException as exc:
            raise _Retryable(_api(f"openai timed out ({type(exc).__name__})", retryable=True)) from None
        except httpx.TransportError as exc:
            detail = f"openai connection failed ({type(exc).__name__})"
            raise _Retryable(_api(detail, retryable=True)) from None

    def _status_failure(self, response: httpx.Response) -> Exception:
        status = response.status_code
        code, kind, message = _error_fields(response.content)
        detail = f"openai HTTP {status}" + (f" {code}" if code else "") + f": {self._redact(message)}"
        if status == 429 and "insufficient_quota" in (code, kind):
            logger.critical("ALERT: the OpenAI account is out of quota (429 insufficient_quota); %s", detail)
            return _api(detail, retryable=False)
        if status in (401, 403):
            logger.error("ALERT: OpenAI refused our credentials; %s", detail)
        should = response.headers.get("x-should-retry")  # the server's explicit word wins, as officially
        retry = status in _RETRY_STATUSES or status >= 500
        if should in ("true", "false"):
            retry = should == "true"
        if retry:
            return _Retryable(_api(detail, retryable=True), response.headers)
        return _api(detail, retryable=False)

    def _redact(self, text: str) -> str:
        if self._config.api_key:
            text = text.replace(self._config.api_key, "***")
        return " ".join(_SECRET.sub(r"\1***", text).split())[:300]  # one line in logs

    def _read_plain(self, response: httpx.Response) -> ChatResult:
        try:
            completion = _structure(response.json())
        except Exception as exc:  # json and cattrs raise a zoo of types; all mean "not what we expect"
            raise _api(f"openai sent a malformed response ({type(exc).__name__})", retryable=False) from None
        choice = completion.choices[0] if completion.choices else None
        if choice is None or choice.message is None:
            raise _api("openai response has no message", retryable=False)
        _check_finish(choice.finish_reason)
        return self._result(choice.message.content or "", completion)

    async def _read_stream(self, response: httpx.Response, on_delta: OnDelta) -> ChatResult:
        pieces: list[str] = []
        finish: str | None = None
        model: str | None = None
        usage: _Usage | None = None
        async for data in _sse_data(response):
            if data == "[DONE]":
                _check_finish(finish)
                return self._result("".join(pieces), _Completion(model=model, usage=usage))
            chunk = _stream_chunk(data, self._redact)
            model = chunk.model or model
            usage = chunk.usage or usage
            for choice in chunk.choices:
                if choice.index != 0:
                    continue
                finish = choice.finish_reason or finish
                text = choice.delta.content if choice.delta is not None else None
                if text:
                    pieces.append(text)
                    await on_delta(text)
        raise _api("openai stream ended before [DONE] (connection closed early)", retryable=True)

    def _result(self, text: str, completion: _Completion) -> ChatResult:
        usage = completion.usage or _Usage()
        return ChatResult(
            text=text,
            model=completion.model or self._config.model,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
        )


def _is_sse(response: httpx.Response) -> bool:
    return str(response.headers.get("content-type", "")).startswith("text/event-stream")


def _check_finish(reason: str | None) -> None:
    if reason == "stop":
        return
    if reason == "length":
        raise _api("openai answer cut at max_tokens (finish_reason=length)", retryable=False)
    if reason == "content_filter":
        raise _api("openai answer withheld by the content filter", retryable=False)
    raise _api(f"openai answer incomplete (finish_reason={reason})", retryable=False)


def _stream_chunk(data: str, redact: Callable[[str], str]) -> _Completion:
    try:
        payload = json.loads(data)
    except ValueError:
        raise _api("openai sent a malformed stream chunk", retryable=False) from None
    # OpenAI reports a failure mid-stream as {"error": {...}}; vLLM as {"object": "error", ...}.
    if isinstance(payload, dict) and (payload.get("error") or payload.get("object") == "error"):
        code, _, message = _error_fields(data.encode("utf-8"))
        raise _api(f"openai stream error{f' {code}' if code else ''}: {redact(message)}", retryable=True)
    try:
        return _structure(payload)
    except Exception as exc:  # see _read_plain
        raise _api(f"openai sent a malformed stream chunk ({type(exc).__name__})", retryable=False) from None


async def _sse_data(response: httpx.Response) -> AsyncIterator[str]:
    """The `data` of each server-sent event (multi-line data joined by newlines); an `event: error`
    becomes an error payload. Transport failures mid-body become API errors, never retried here."""
    event: str | None = None
    data: list[str] = []
    lines = response.aiter_lines()
    while True:
        try:
            line = await anext(lines)
        except StopAsyncIteration:
            break
        except httpx.TimeoutException:
            raise _api("openai stream stalled (read timeout)", retryable=True) from None
        except httpx.TransportError as exc:
            raise _api(f"openai stream broke off ({type(exc).__name__})", retryable=True) from None
        if not line:
            if data:
                joined = "\n".join(data)
                yield _error_event(joined) if event == "error" else joined
            event, data = None, []
        elif line.startswith(":"):
            continue  # a comment, e.g. a keep-alive
        else:
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data":
                data.append(value)
            elif name == "event":
                event = value
    if data:  # a last event without its blank line still counts, as in the official client
        joined = "\n".join(data)
        yield _error_event(joined) if event == "error" else joined


def _error_event(data: str) -> str:
    try:
        payload = json.loads(data)
    except ValueError:
        payload = {"message": data}
    if isinstance(payload, dict) and "error" in payload:
        return data
    return json.dumps({"error": payload})
