"""The `Idempotency-Key` header, as the IETF draft (draft-ietf-httpapi-idempotency-key-header) asks.

A key is scoped to its client. It remembers the fingerprint of the request that first used it: the
method, the path and the body's JSON in canonical form (key order and spacing do not matter). Then:

- the same key with another fingerprint: 422, whatever the first request's state;
- the same request while the first is still being served (a reading waits seconds on the LLM): 409
  with `Retry-After`;
- the same request once the first succeeded: its response again (status and body), marked
  `Idempotent-Replayed: true`;
- a request that failed (any 4xx or 5xx) releases its key, so the same key may be tried again once the
  cause is gone (credits topped up, the database back).

Keys are kept by the IdempotencyStore port (Redis in production, so every process sees them) for a day.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from adapters.http.deps import WebDeps
from adapters.http.problems import Problem
from tarot_ports.idempotency import DEFAULT_LEASE, DEFAULT_RETENTION, Claim, StoredResponse

logger = logging.getLogger("adapters.http")
HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
IN_FLIGHT_RETRY = 2  # seconds a client waits before asking again for a request still being served
_KEPT_HEADERS = ("Location", "Content-Type")


def fingerprint(method: str, path: str, body: Any) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{method}\n{path}\n{canonical}".encode("utf-8", "surrogatepass")).hexdigest()


def replay(stored: StoredResponse) -> web.Response:
    response = web.Response(status=stored.status, text=stored.body, headers=dict(stored.headers))
    response.headers[REPLAYED] = "true"
    return response


async def once(
    request: web.Request,
    deps: WebDeps,
    client: str,
    key: str,
    body: Any,
    serve: Callable[[], Awaitable[web.Response]],
) -> web.Response:
    """Serve the request under `key` (see the module docstring)."""
    scoped = f"{client}:{key}"
    print_ = fingerprint(request.method, request.path, body)
    attempt = await deps.idempotency.claim(scoped, print_, DEFAULT_LEASE)
    if attempt.claim is Claim.MISMATCH:
        raise Problem("idempotency-key-reused", "api.key_reused", log=f"key {key!r} reused")
    if attempt.claim is Claim.IN_FLIGHT:
        raise Problem(
            "in-progress", "api.key_in_flight", {"seconds": IN_FLIGHT_RETRY}, retryable=True,
            headers={"Retry-After": str(IN_FLIGHT_RETRY)}, log=f"key {key!r} in flight",
        )  # fmt: skip
    if attempt.claim is Claim.DONE and attempt.response is not None:
        return replay(attempt.response)
    try:
        response = await serve()
    except BaseException:
        await _release(deps, scoped, print_)
        raise
    if not 200 <= response.status < 300:
        await _release(deps, scoped, print_)
        return response
    headers = tuple((name, response.headers[name]) for name in _KEPT_HEADERS if name in response.headers)
    stored = StoredResponse(response.status, response.text or "", headers)
    try:
        await deps.idempotency.complete(scoped, print_, stored, DEFAULT_RETENTION)
    except Exception:  # the answer stands; a retry then meets the domain's own replay
        logger.warning("could not keep the answer for idempotency key %r", key, exc_info=True)
    return response


async def _release(deps: WebDeps, scoped: str, print_: str) -> None:
    try:
        await deps.idempotency.release(scoped, print_)
    except Exception:  # the key frees itself when its lease ends
        logger.warning("could not release an idempotency key", exc_info=True)
