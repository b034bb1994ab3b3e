"""Rate limits over the RateLimiter port, answered with the headers clients plan by.

Every limited answer carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds until
the bucket is full) and `RateLimit-Policy` (`<burst>;w=<seconds>`), after the IETF RateLimit header
fields draft; a refused one also `Retry-After`. A person's own limit refuses with 429; the interpreter
budget shared by everyone (the bot's too, `LLM_BUDGET_KEY`) with 503 "busy", since nothing the client
did caused it.
"""

from __future__ import annotations

import math

from aiohttp import web

from adapters.http.deps import WebDeps
from adapters.http.problems import Problem
from tarot_ports.rate_limit import LLM_BUDGET_KEY, RateDecision, RateLimit

HEADERS: web.RequestKey[dict[str, str]] = web.RequestKey("rate_limit_headers", dict)


def headers_for(limit: RateLimit, decision: RateDecision) -> dict[str, str]:
    headers = {
        "RateLimit-Limit": str(limit.burst),
        "RateLimit-Remaining": str(decision.remaining),
        "RateLimit-Reset": str(max(0, math.ceil(decision.reset_after))),
        "RateLimit-Policy": f"{limit.burst};w={math.ceil(limit.period * limit.burst / limit.rate)}",
    }
    if not decision.allowed:
        headers["Retry-After"] = str(max(1, math.ceil(decision.retry_after)))
    return headers


async def limit(request: web.Request, deps: WebDeps, scope: str, key: str, rule: RateLimit) -> None:
    """Count one call against `key`; the headers go on the answer, a refusal is a 429 Problem."""
    decision = await deps.rate_limiter.check(f"web:{scope}:{key}", rule)
    headers = headers_for(rule, decision)
    if scope != "calls" or HEADERS not in request:  # the tighter limit's headers win
        request[HEADERS] = headers
    if not decision.allowed:
        deps.observer.rate_limited(scope)
        wait = max(1, math.ceil(decision.retry_after))
        raise Problem(
            "rate-limited", "api.rate_limited", {"seconds": wait}, retryable=True, headers=headers,
            log=f"{scope} limit for {key}",
        )  # fmt: skip


async def interpreter_budget(request: web.Request, deps: WebDeps) -> None:
    """The global LLM budget: checked after the person's own limit, as the bot does, so someone at their
    limit never drains what everyone shares."""
    decision = await deps.rate_limiter.check(LLM_BUDGET_KEY, deps.limits.llm)
    if not decision.allowed:
        deps.observer.rate_limited("llm")
        headers = headers_for(deps.limits.llm, decision)
        wait = max(1, math.ceil(decision.retry_after))
        raise Problem(
            "busy", "api.busy", {"seconds": wait}, retryable=True, headers=headers, log="LLM budget"
        )
