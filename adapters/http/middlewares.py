"""What every request passes, outermost first:

1. `request_context`: the request id (the caller's `X-Request-Id` when well formed, else a new one) on
   the answer and on every log line written meanwhile (`RequestIdFilter`), the access line, the
   observer's request count and time.
2. `cors`: the operator's own browser origins (`TAROT_CORS_ORIGINS`), preflights answered here.
3. `problems`: every failure as `application/problem+json`, never a traceback; a client that went away
   is logged as the client's doing, at INFO, and never counted as ours.
4. `authenticate`: `/v1/...` needs `Authorization: Bearer <API key>`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar

from aiohttp import web

from adapters.http import wire
from adapters.http.auth import ApiClient
from adapters.http.deps import WebDeps
from adapters.http.intake import ClientGone
from adapters.http.limits import HEADERS
from adapters.http.problems import MEDIA_TYPE, Problem, body_of, from_error
from tarot_domain.content import registry
from tarot_domain.model.errors import TarotError

logger = logging.getLogger("adapters.http")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

REQUEST_ID_HEADER = "X-Request-Id"
REQUEST_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"
_REQUEST_ID = re.compile(REQUEST_ID_PATTERN)
_current_request_id: ContextVar[str] = ContextVar("request_id", default="-")

DEPS: web.AppKey[WebDeps] = web.AppKey("deps", WebDeps)
CLIENT: web.RequestKey[ApiClient] = web.RequestKey("api_client", ApiClient)
EXPOSED = ("X-Request-Id", "Retry-After", "Location", "Idempotent-Replayed", "RateLimit-Limit",
           "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")  # fmt: skip
ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id, Accept-Language"


def current_request_id() -> str:
    return _current_request_id.get()


class RequestIdFilter(logging.Filter):
    """Puts the request id being served (or `-`) on every record as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _current_request_id.get()
        return True


def deps_of(request: web.Request) -> WebDeps:
    return request.app[DEPS]


def accept_language(request: web.Request) -> str:
    """The first language of `Accept-Language` that we speak, else English."""
    for part in request.headers.get("Accept-Language", "").split(","):
        code = registry.match_language(part.split(";")[0])
        if code is not None:
            return code
    return registry.FALLBACK


def json_response(body: object, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    text = json.dumps(wire.unstructure(body), ensure_ascii=False, separators=(",", ":"))
    return web.Response(text=text, status=status, content_type="application/json", headers=headers)


def problem_response(request: web.Request, problem: Problem) -> web.Response:
    body = body_of(problem, accept_language(request), current_request_id())
    text = json.dumps(wire.unstructure(body), ensure_ascii=False, separators=(",", ":"))
    response = web.Response(text=text, status=problem.status, headers=problem.headers)
    response.content_type = MEDIA_TYPE
    response.charset = "utf-8"
    return response


@web.middleware
async def request_context(request: web.Request, handler: Handler) -> web.StreamResponse:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
    token = _current_request_id.set(request_id)
    started = time.monotonic()
    try:
        response = await handler(request)
        response.headers[REQUEST_ID_HEADER] = request_id
        for name, value in request.get(HEADERS, {}).items():
            response.headers.setdefault(name, value)
        elapsed = time.monotonic() - started
        resource = request.match_info.route.resource
        route = resource.canonical if resource is not None else "unmatched"
        deps_of(request).observer.request(request.method, route, response.status, elapsed)
        logger.info(
            "[%s] %s %s -> %d in %.1f ms", request_id, request.method, request.path, response.status,
            elapsed * 1000, extra={"request_id": request_id},
        )  # fmt: skip
        return response
    finally:
        _current_request_id.reset(token)


@web.middleware
async def cors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Only origins the operator lists get CORS headers; anything else is left to the browser to refuse."""
    origin = request.headers.get("Origin")
    allowed = origin is not None and origin in deps_of(request).cors_origins
    preflight = request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
    if preflight and allowed:
        response: web.StreamResponse = web.Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, PATCH, DELETE"
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"
    else:
        response = await handler(request)
    if allowed and origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED)
        response.headers["Vary"] = "Origin"
    return response


@web.middleware
async def problems(request: web.Request, handler: Handler) -> web.StreamResponse:
    deps = deps_of(request)
    try:
        return await handler(request)
    except TarotError as error:
        problem = from_error(error)
        level = logging.getLevelName(error.log_level)
        _log(request, problem, level if isinstance(level, int) else logging.WARNING)
    except Problem as raised:
        problem = raised
        _log(request, problem, logging.INFO if problem.status < 500 else logging.WARNING)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        problem = _http_problem(exc)
        _log(request, problem, logging.INFO)
    except ClientGone as gone:  # the client's doing: INFO, and never counted as our failure
        logger.info("[%s] %s %s: the client went away (%s)", current_request_id(), request.method,
                    request.path, gone)  # fmt: skip
        deps.observer.error("client_gone")
        return problem_response(request, Problem("validation", "api.client_gone"))  # nobody reads it
    except asyncio.CancelledError:
        raise
    except Exception:
        logger.exception("[%s] %s %s failed", current_request_id(), request.method, request.path,
                         extra={"request_id": current_request_id()})  # fmt: skip
        problem = Problem("internal", "api.internal")
    deps.observer.error(problem.type.slug.replace("-", "_"))
    response = problem_response(request, problem)
    if problem.type.slug in ("body-timeout", "body-too-large"):
        response.force_close()  # the rest of the body is not worth waiting for
    return response


def _http_problem(exc: web.HTTPException) -> Problem:
    if exc.status == 404:
        return Problem("not-found", "api.no_route")
    if exc.status == 405:
        allow = exc.headers.get("Allow", "")
        return Problem(
            "method-not-allowed", "api.method_not_allowed", {"allowed": allow}, headers={"Allow": allow}
        )
    if exc.status == 413:
        return Problem("body-too-large", "api.body_too_large", {"limit": getattr(exc, "max_size", 0) or 0})
    return Problem("validation", "api.invalid_request", log=f"HTTP {exc.status}: {exc.reason}")


def _log(request: web.Request, problem: Problem, level: int) -> None:
    logger.log(level, "[%s] %s %s: %s", current_request_id(), request.method, request.path, problem.log,
               extra={"request_id": current_request_id()})  # fmt: skip


@web.middleware
async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith("/v1/") or request.match_info.http_exception is not None:
        return await handler(request)
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    client = deps_of(request).api_keys.client_for(token.strip()) if scheme.lower() == "bearer" else None
    if client is None:
        raise Problem("unauthorized", "api.unauthorized", headers={"WWW-Authenticate": "Bearer"})
    request[CLIENT] = client
    return await handler(request)


def client_of(request: web.Request) -> ApiClient:
    return request[CLIENT]
