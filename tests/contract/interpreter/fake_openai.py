"""A local stand-in for the OpenAI chat completions API (aiohttp.web), speaking its real wire protocol.

Plain JSON and SSE streaming (`data:` chunks, the usage chunk when `stream_options.include_usage`, then
`data: [DONE]`), OpenAI's error bodies and headers, and its request validation (a bearer key, a model,
messages, `stream_options` only with `stream`). The official `openai` package parses what it sends (see
test_fake_openai.py), which is what makes it a trustworthy fake.

Set `scenario` for every request, or push onto `queue` to script the next requests one by one:

- `ok`: the answer (by default the last user message echoed back, so every card in the prompt is named)
- `no_usage`: `ok` without `usage` (vLLM and Ollama may omit it)
- `no_cards`: an answer naming no card
- `ignore_stream`: a plain JSON answer even when `stream` was asked for (some proxies do that)
- `length`, `content_filter`: the answer ends with that `finish_reason`
- `slow`: `ok` after sleeping `slow_seconds` before the response starts
- `cut`: the stream ends cleanly after half the text, without `[DONE]`
- `drop`: the connection is torn down after half the text
- `error_event`: half the text, then an `{"error": ...}` event
- `garbage`: a 200 whose body is not JSON
- `429`: rate limited, with `retry_after` / `retry_after_ms` headers when set
- `insufficient_quota`: 429 `insufficient_quota`
- any other status code as a string (`"400"`, `"500"`, `"503"`, ...): that status with OpenAI's error body
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

from aiohttp import web
from attrs import define, field

DEFAULT_MODEL_SNAPSHOT = "gpt-4o-mini-2024-07-18"

_NOT_FOUND = "The model `{model}` does not exist or you do not have access to it."
_REGION = "unsupported_country_region_territory"
_RATE = "Rate limit reached for {model} on requests per min (RPM): Limit 3, Used 3, Requested 1."
_ERRORS: dict[int, tuple[str, str, str | None]] = {
    400: ("invalid_request_error", "Invalid request.", None),
    401: ("invalid_request_error", "Incorrect API key provided: {key}.", "invalid_api_key"),
    403: ("request_forbidden", "Country, region, or territory not supported", _REGION),
    404: ("invalid_request_error", _NOT_FOUND, "model_not_found"),
    408: ("timeout", "Request timed out.", None),
    409: ("conflict", "Conflict, please retry.", None),
    429: ("requests", _RATE, "rate_limit_exceeded"),
    500: ("server_error", "The server had an error while processing your request. Sorry about that!", None),
    502: ("server_error", "Bad gateway.", None),
    503: ("server_error", "The engine is currently overloaded, please try again later.", None),
}


@define
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@define
class FakeOpenAI:
    api_key: str = "test-key"
    model_snapshot: str = DEFAULT_MODEL_SNAPSHOT
    scenario: str = "ok"
    queue: list[str] = field(factory=list)
    content: str | None = None
    """A fixed answer; None echoes the last user message back."""
    retry_after: str | None = None
    retry_after_ms: str | None = None
    error_headers: dict[str, str] = field(factory=dict)
    """Extra headers on error responses (e.g. `x-should-retry`)."""
    slow_seconds: float = 1.0
    chunk_chars: int = 9
    requests: list[RecordedRequest] = field(factory=list)
    url: str = ""
    """`http://127.0.0.1:<port>/v1` once started: what goes into `base_url`."""
    _runner: web.AppRunner | None = None

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        # handler_cancellation: a client that gave up must not leave a `slow` handler sleeping.
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=4096)  # a thousand clients connect at once
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}/v1"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == "/v1/chat/completions"]

    # ----------------------------------------------------------------- handlers

    async def _not_found(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(RecordedRequest(request.method, request.path, dict(request.headers), None))
        return _error(404, "invalid_request_error", f"Invalid URL ({request.method} {request.path})", None)

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        self.requests.append(RecordedRequest(request.method, request.path, dict(request.headers), body))
        scenario = self.queue.pop(0) if self.queue else self.scenario

        auth = request.headers.get("Authorization", "")
        if auth != f"Bearer {self.api_key}":
            shown = auth.removeprefix("Bearer ")
            masked = f"{shown[:3]}***{shown[-2:]}" if shown else "(none)"
            return _error(401, *_fill(_ERRORS[401], key=masked, model=""))
        problem = _validate(body)
        if problem is not None:
            return _error(400, "invalid_request_error", problem, None)
        model = body["model"]
        stream = body.get("stream") is True
        include_usage = stream and bool((body.get("stream_options") or {}).get("include_usage"))

        if scenario == "slow":
            await asyncio.sleep(self.slow_seconds)
            scenario = "ok"
        if scenario == "insufficient_quota":
            return _error(
                429,
                "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota",
            )
        if scenario.isdigit():
            status = int(scenario)
            kind, message, code = _fill(
                _ERRORS.get(status, ("server_error", "Error.", None)), model=model, key="sk-***"
            )
            headers = dict(self.error_headers)
            if self.retry_after is not None:
                headers["retry-after"] = self.retry_after
            if self.retry_after_ms is not None:
                headers["retry-after-ms"] = self.retry_after_ms
            return _error(status, kind, message, code, headers)
        if scenario == "garbage":
            return web.Response(
                status=200, text="<html>upstream proxy error</html>", content_type="text/html"
            )

        text = self._answer(body, scenario)
        finish = scenario if scenario in ("length", "content_filter") else "stop"
        usage = None if scenario == "no_usage" else _usage(body, text)
        if stream and scenario != "ignore_stream":
            return await self._stream(request, scenario, text, finish, usage if include_usage else None)
        return web.json_response(
            _completion(self.model_snapshot, text, finish, usage), headers=_headers(model)
        )

    def _answer(self, body: dict[str, Any], scenario: str) -> str:
        if scenario == "no_cards":
            return "The cards are quiet today. Trust yourself and take one gentle step at a time."
        if self.content is not None:
            return self.content
        last_user = next((m["content"] for m in reversed(body["messages"]) if m.get("role") == "user"), "")
        card_lines = [line.strip() for line in last_user.splitlines() if _CARD_LINE.search(line)]
        said = "\n".join(card_lines) if card_lines else last_user  # the cards, as a model would name them
        text = f"Here is what the cards say.\n\n{said}\n\nTake what helps and leave the rest."
        system = next((m["content"] for m in body["messages"] if m.get("role") == "system"), "")
        asked = _LAST_LINE.findall(system)  # a model that follows the task ends with the lean it was given
        return f"{text}\nLEAN: {asked[-1]}" if asked else text

    async def _stream(
        self, request: web.Request, scenario: str, text: str, finish: str, usage: dict[str, Any] | None
    ) -> web.StreamResponse:
        response = web.StreamResponse(
            status=200,
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
                **_headers(self.model_snapshot),
            },
        )
        await response.prepare(request)
        ident, created = "chatcmpl-fake", int(time.time())
        with_usage = usage is not None

        async def send(delta: dict[str, Any], finish_reason: str | None) -> None:
            chunk = _chunk(ident, created, self.model_snapshot, delta, finish_reason, with_usage)
            await response.write(f"data: {json.dumps(chunk)}\n\n".encode())

        await send({"role": "assistant", "content": "", "refusal": None}, None)
        pieces = [text[i : i + self.chunk_chars] for i in range(0, len(text), self.chunk_chars)]
        broken = scenario in ("cut", "drop", "error_event")
        for piece in pieces[: len(pieces) // 2] if broken else pieces:
            await send({"content": piece}, None)
        if scenario == "cut":
            await response.write_eof()  # a clean end of the body, but no [DONE]
            return response
        if scenario == "drop":
            if request.transport is not None:
                request.transport.abort()  # the connection dies mid-body
            return response
        if scenario == "error_event":
            error = {
                "message": "The server had an error while processing your request.",
                "type": "server_error",
            }
            await response.write(
                f"data: {json.dumps({'error': {**error, 'param': None, 'code': None}})}\n\n".encode()
            )
            await response.write_eof()
            return response
        await send({}, finish)
        if usage is not None:
            final = {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": created,
                "model": self.model_snapshot,
                "system_fingerprint": "fp_fake",
                "choices": [],
                "usage": usage,
            }
            await response.write(f"data: {json.dumps(final)}\n\n".encode())
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response


# --- the wire format -------------------------------------------------------------------------------


_CARD_LINE = re.compile(r"\((?:upright|reversed|пряма|перевернута)\)\s*$")
_LAST_LINE = re.compile(r'(?:Your last line is|Останній рядок —) "LEAN: (\w+)"')


def _fill(entry: tuple[str, str, str | None], **values: str) -> tuple[str, str, str | None]:
    kind, message, code = entry
    return kind, message.format(**values), code


def _validate(body: Any) -> str | None:
    """The checks OpenAI makes that a careless client would trip."""
    if not isinstance(body, dict):
        return "We could not parse the JSON body of your request."
    if not isinstance(body.get("model"), str) or not body["model"]:
        return "you must provide a model parameter"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "[] is too short - 'messages'"
    for message in messages:
        if not isinstance(message, dict) or message.get("role") not in ("system", "user", "assistant"):
            return "Invalid value for 'messages': each message needs a valid role."
        if not isinstance(message.get("content"), str):
            return "Invalid type for 'messages.content': expected a string."
    if "stream_options" in body and body.get("stream") is not True:
        return "The 'stream_options' parameter is only allowed when 'stream' is enabled."
    return None


def _headers(model: str) -> dict[str, str]:
    return {
        "x-request-id": "req_fake",
        "openai-processing-ms": "12",
        "openai-version": "2020-10-01",
        "openai-model": model,
    }


def _error(
    status: int, kind: str, message: str, code: str | None, headers: dict[str, str] | None = None
) -> web.Response:
    payload = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return web.json_response(payload, status=status, headers={"x-request-id": "req_fake", **(headers or {})})


def _tokens(text: str) -> int:
    return max(1, len(text) // 4)


def _usage(body: dict[str, Any], text: str) -> dict[str, Any]:
    prompt = sum(_tokens(m["content"]) for m in body["messages"])
    completion = _tokens(text)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


def _completion(model: str, text: str, finish: str, usage: dict[str, Any] | None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text, "refusal": None, "annotations": []},
                "logprobs": None,
                "finish_reason": finish,
            }
        ],
        "service_tier": "default",
        "system_fingerprint": "fp_fake",
    }
    if usage is not None:
        payload["usage"] = usage
    return payload


def _chunk(
    ident: str, created: int, model: str, delta: dict[str, Any], finish: str | None, with_usage: bool
) -> dict[str, Any]:
    chunk: dict[str, Any] = {
        "id": ident,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "system_fingerprint": "fp_fake",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }
    if with_usage:  # with include_usage every chunk carries "usage": null until the final one
        chunk["usage"] = None
    return chunk
