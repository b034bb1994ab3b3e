"""`tarot web`: the HTTP service (aiohttp).

- `POST /webhooks/stripe`: verified Stripe events, applied exactly once. 400 for a bad signature or a
  body that is not an event (nothing changes); 200 once applied, already applied, or about nothing we
  sold (and for a refused one, e.g. a wrong amount: logged for an operator, since a retry cannot fix
  it); 500 only when Stripe should deliver again (the database or Stripe's API is unreachable).
- `GET /healthz` (the process answers), `GET /readyz` (database and Redis answer; 503 with the
  reason), `GET /metrics` (Prometheus text format).
- `/v1/...`: a JSON API for other frontends (see `runners/web_openapi.py`, served at `/openapi.json`),
  authenticated with API keys (`TAROT_API_KEYS=client:key,...`, `Authorization: Bearer <key>`). A
  client's user `{ref}` is `api:<client>:<ref>`, so a client only ever reaches its own users.

Every response carries `X-Request-Id` (the caller's, when well-formed, else a new one) and every log
line written while serving a request carries it too (`RequestIdFilter`). `create_app(deps)` builds the
app from a `WebDeps` bundle, so tests build it on memory adapters; `open_web_deps` is the real wiring.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import math
import re
import signal
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

from aiohttp import web
from attrs import Factory, evolve, frozen

from adapters.stripe_http.events import StripeEventTranslator
from adapters.stripe_http.webhooks import SignatureError, WebhookVerifier
from runners.config import ApiKeys, Settings, WebSettings
from runners.metrics import CONTENT_TYPE, Metrics
from runners.present import cards_json, framing_json, screened_json, support_json
from runners.startup import StartupError, listen_problem
from runners.web_openapi import (
    KEY_PATTERN,
    MAX_OFFSET,
    MAX_PAGE,
    QUESTION_PATTERN,
    REF_PATTERN,
    REQUEST_ID_PATTERN,
    max_answers,
    openapi_document,
)
from tarot_domain.content import registry
from tarot_domain.model.decks import DEFAULT_DECK_ID
from tarot_domain.model.errors import ErrorKind, TarotError, error_message, validation
from tarot_domain.model.localized import pick
from tarot_domain.model.products import Catalog, default_catalog
from tarot_domain.model.readings import Reading
from tarot_domain.model.safety import SafetyKind, Support, SupportOnly
from tarot_domain.model.spreads import QUESTIONNAIRE_ANSWER_MAX, all_spreads
from tarot_domain.model.text import QUESTION_MAX
from tarot_domain.model.users import User, check_language
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.clock import Clock
from tarot_ports.rate_limit import RateLimit, RateLimiter

logger = logging.getLogger("runners.web")

Ping = Callable[[], Awaitable[object]]
Closer = Callable[[], Awaitable[None]]

REQUEST_ID_HEADER = "X-Request-Id"
API_MAX_BODY = 64 * 1024
WEBHOOK_MAX_BODY = 512 * 1024
_REQUEST_ID = re.compile(REQUEST_ID_PATTERN)
_REF = re.compile(REF_PATTERN)
_KEY = re.compile(KEY_PATTERN)
_QUESTION = re.compile(QUESTION_PATTERN)
_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@/\s]+@")
USER_LIMIT = RateLimit(rate=120, period=60, burst=30)  # any call about one user, per client
READING_LIMIT = RateLimit(rate=10, period=60, burst=5)  # readings for one user, per client
DEFAULT_SUCCESS_URL = "https://example.invalid/paid"
DEFAULT_CANCEL_URL = "https://example.invalid/cancelled"
_current_request_id: ContextVar[str] = ContextVar("request_id", default="-")

_STATUS = {
    ErrorKind.VALIDATION: 400,
    ErrorKind.INSUFFICIENT_CREDITS: 402,
    ErrorKind.FORBIDDEN: 403,
    ErrorKind.NOT_FOUND: 404,
    ErrorKind.CONFLICT: 409,
    ErrorKind.RATE_LIMITED: 429,
}
_HTTP_KINDS = {
    400: "validation",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}


def current_request_id() -> str:
    return _current_request_id.get()


class RequestIdFilter(logging.Filter):
    """Puts the request id being served (or `-`) on every record as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _current_request_id.get()
        return True


@frozen(kw_only=True)
class WebDeps:
    """Everything the app uses. Tests build it from memory adapters; `open_web_deps` from config."""

    users: UserService
    credits: CreditService
    readings: ReadingService
    payments: PaymentService
    rate_limiter: RateLimiter
    clock: Clock
    catalog: Catalog = Factory(default_catalog)
    api_keys: ApiKeys = Factory(ApiKeys)
    stripe_webhooks: WebhookVerifier | None = None
    stripe_events: StripeEventTranslator | None = None
    checkout_provider: str | None = None
    success_url: str = DEFAULT_SUCCESS_URL
    cancel_url: str = DEFAULT_CANCEL_URL
    currencies: tuple[str, ...] = ("USD", "UAH")
    pings: Mapping[str, Ping] = Factory(dict)
    ping_timeout: float = 2.0
    metrics: Metrics = Factory(Metrics)
    user_limit: RateLimit = USER_LIMIT
    reading_limit: RateLimit = READING_LIMIT
    max_body_bytes: int = API_MAX_BODY
    closers: Sequence[Closer] = ()


DEPS: web.AppKey[WebDeps] = web.AppKey("deps", WebDeps)
CLIENT: web.RequestKey[str] = web.RequestKey("api_client", str)


# ------------------------------------------------------------------ the app


def create_app(deps: WebDeps) -> web.Application:
    app = web.Application(
        middlewares=[_request_context, _errors, _authenticate],
        client_max_size=max(deps.max_body_bytes, WEBHOOK_MAX_BODY),
    )
    app[DEPS] = deps
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/openapi.json", openapi)
    app.router.add_post("/webhooks/stripe", stripe_webhook)
    app.router.add_get("/v1/spreads", list_spreads)
    app.router.add_post("/v1/users/{ref}/readings", create_reading)
    app.router.add_get("/v1/users/{ref}/readings", list_readings)
    app.router.add_get("/v1/users/{ref}/balance", get_balance)
    if deps.checkout_provider is not None:
        app.router.add_post("/v1/users/{ref}/checkout", create_checkout)

    async def close(_: web.Application) -> None:
        for closer in deps.closers:
            try:
                await closer()
            except Exception:
                logger.exception("closing a resource failed")

    app.on_cleanup.append(close)
    return app


def _deps(request: web.Request) -> WebDeps:
    return request.app[DEPS]


@web.middleware
async def _request_context(
    request: web.Request, handler: Callable[..., Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
    token = _current_request_id.set(request_id)
    started = time.monotonic()
    deps = _deps(request)
    try:
        response = await handler(request)
        response.headers[REQUEST_ID_HEADER] = request_id
        elapsed = time.monotonic() - started
        resource = request.match_info.route.resource
        route = resource.canonical if resource is not None else "unmatched"
        deps.metrics.http_requests.inc(method=request.method, route=route, status=str(response.status))
        deps.metrics.http_seconds.observe(elapsed, route=route)
        logger.info(
            "[%s] %s %s -> %d in %.1f ms",
            request_id, request.method, request.path, response.status, elapsed * 1000,
            extra={"request_id": request_id},
        )  # fmt: skip
        return response
    finally:
        _current_request_id.reset(token)


@web.middleware
async def _errors(
    request: web.Request, handler: Callable[..., Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Every failure becomes a JSON error with the right status; never a traceback."""
    deps = _deps(request)
    try:
        return await handler(request)
    except SupportOnly as screened:  # the safety screen's answer, wherever it came from: not an error
        return json_response({"support": support_json(screened.support)})
    except TarotError as error:
        deps.metrics.errors.inc(kind=error.kind.value)
        level = logging.getLevelName(error.log_level)
        logger.log(
            level if isinstance(level, int) else logging.WARNING,
            "[%s] %s %s: %s error: %s",
            current_request_id(), request.method, request.path, error.kind.value, error.detail,
            extra={"request_id": current_request_id()},
        )  # fmt: skip
        return error_response(error, _accept_language(request))
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        kind = _HTTP_KINDS.get(exc.status, "http")
        deps.metrics.errors.inc(kind=kind)
        headers = {
            k: v for k, v in exc.headers.items() if k.lower() in ("allow", "www-authenticate", "retry-after")
        }
        return json_error(exc.status, kind, exc.reason, headers)
    except asyncio.CancelledError:
        raise
    except Exception:
        deps.metrics.errors.inc(kind="internal")
        logger.exception(
            "[%s] %s %s failed", current_request_id(), request.method, request.path,
            extra={"request_id": current_request_id()},
        )  # fmt: skip
        return json_error(500, "internal", "Something went wrong on our side.")


@web.middleware
async def _authenticate(
    request: web.Request, handler: Callable[..., Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    if not request.path.startswith("/v1/") or request.match_info.http_exception is not None:
        return await handler(request)
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    client = _deps(request).api_keys.client_for(token.strip()) if scheme.lower() == "bearer" else None
    if client is None:
        _deps(request).metrics.errors.inc(kind="unauthorized")
        return json_error(401, "unauthorized", "A valid API key is required.", {"WWW-Authenticate": "Bearer"})
    request[CLIENT] = client
    return await handler(request)


def json_response(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return web.Response(text=body, status=status, content_type="application/json", headers=headers)


def json_error(
    status: int, kind: str, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    return json_response({"error": {"kind": kind, "message": message}}, status, headers)


def status_for(error: TarotError) -> int:
    if error.kind in _STATUS:
        return _STATUS[error.kind]
    if error.retryable:
        return 503
    return 500 if error.kind is ErrorKind.DATABASE else 502


def error_response(error: TarotError, language: str = "en") -> web.Response:
    status = status_for(error)
    headers: dict[str, str] = {}
    if status == 429:
        seconds = error.params.get("seconds", 1)
        headers["Retry-After"] = str(max(1, math.ceil(float(seconds))))
    elif error.retryable and status in (409, 503):
        headers["Retry-After"] = "1"
    return json_error(status, error.kind.value, error_message(error, language), headers)


# ------------------------------------------------------------------ operations endpoints


async def healthz(request: web.Request) -> web.Response:
    return json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """200 when every dependency answers its ping in time; 503 naming the ones that did not."""
    deps = _deps(request)

    async def check(name: str, ping: Ping) -> tuple[str, str | None]:
        try:
            answer = await asyncio.wait_for(ping(), deps.ping_timeout)
        except TimeoutError:
            return name, f"no answer within {deps.ping_timeout:g} s"
        except Exception as exc:
            detail = exc.detail if isinstance(exc, TarotError) else str(exc)
            return name, _URL_PASSWORD.sub(r"\1***@", f"{type(exc).__name__}: {detail}")[:300]
        return name, "ping answered false" if answer is False else None

    results = await asyncio.gather(*(check(name, ping) for name, ping in deps.pings.items()))
    checks = {name: "ok" if problem is None else problem for name, problem in results}
    failed = [name for name, problem in results if problem is not None]
    if failed:
        logger.warning("not ready: %s", "; ".join(f"{n}: {checks[n]}" for n in failed))
        reason = "; ".join(f"{name}: {checks[name]}" for name in failed)
        return json_response({"status": "unavailable", "reason": reason, "checks": checks}, 503)
    return json_response({"status": "ready", "checks": checks})


async def metrics(request: web.Request) -> web.Response:
    text = _deps(request).metrics.render()
    return web.Response(body=text.encode(), headers={"Content-Type": CONTENT_TYPE})


async def openapi(request: web.Request) -> web.Response:
    deps = _deps(request)
    document = openapi_document(
        products=deps.catalog.product_ids(),
        currencies=deps.currencies,
        checkout=deps.checkout_provider is not None,
    )
    return json_response(document)


# ------------------------------------------------------------------ Stripe webhook


async def stripe_webhook(request: web.Request) -> web.Response:
    deps = _deps(request)
    if deps.stripe_webhooks is None or deps.stripe_events is None:
        raise web.HTTPNotFound()
    payload = await _read_body(request, WEBHOOK_MAX_BODY)
    try:
        event = deps.stripe_webhooks.construct_event(payload, request.headers.get("Stripe-Signature"))
        translated = await deps.stripe_events.translate(event)
    except SignatureError as error:
        deps.metrics.webhooks.inc(provider="stripe", result="rejected")
        logger.warning("[%s] stripe webhook rejected: %s", current_request_id(), error.detail)
        return json_error(400, "validation", "Invalid Stripe webhook.")
    except (ValueError, KeyError) as error:
        deps.metrics.webhooks.inc(provider="stripe", result="rejected")
        logger.warning("[%s] stripe webhook malformed: %s", current_request_id(), error)
        return json_error(400, "validation", "Malformed Stripe event.")
    except TarotError as error:  # fresh state could not be fetched
        return _webhook_failure(deps, event.get("id", "?"), error)
    try:
        outcome = await deps.payments.apply(translated)
    except TarotError as error:
        return _webhook_failure(deps, translated.event_id, error)
    result = "applied" if outcome.applied else "skipped"
    deps.metrics.webhooks.inc(provider="stripe", result=result)
    if outcome.applied and outcome.payment is not None:
        deps.metrics.payments.inc(provider=outcome.payment.provider, status=outcome.payment.status.value)
    if outcome.credits_granted:
        deps.metrics.credits_granted.inc(outcome.credits_granted, source="stripe")
    if outcome.credits_restored:
        deps.metrics.credits_granted.inc(outcome.credits_restored, source="stripe-restore")
    logger.info(
        "[%s] stripe %s %s: %s %s",
        current_request_id(), event["type"], translated.event_id, result, outcome.note,
        extra={"request_id": current_request_id()},
    )  # fmt: skip
    if outcome.flagged:  # recorded, credits held: `tarot admin payments --flagged`
        logger.warning("[%s] stripe %s: money held for an operator: %s", current_request_id(),
                       translated.event_id, outcome.payment.flag if outcome.payment else "")  # fmt: skip
    return json_response({"received": True, "applied": outcome.applied, "flagged": outcome.flagged})


def _webhook_failure(deps: WebDeps, event_id: str, error: TarotError) -> web.Response:
    deps.metrics.errors.inc(kind=error.kind.value)
    if error.retryable and error.kind in (ErrorKind.DATABASE, ErrorKind.PAYMENT, ErrorKind.API):
        deps.metrics.webhooks.inc(provider="stripe", result="retry")
        logger.error(
            "[%s] stripe event %s not applied, Stripe will retry: %s",
            current_request_id(),
            event_id,
            error.detail,
        )
        return json_error(500, error.kind.value, "Temporarily unable to apply the event.")
    deps.metrics.webhooks.inc(provider="stripe", result="refused")
    logger.error("[%s] stripe event %s refused: %s", current_request_id(), event_id, error.detail)
    return json_response({"received": True, "applied": False})


# ------------------------------------------------------------------ the JSON API


async def list_spreads(request: web.Request) -> web.Response:
    _only_query(request, {"language"})
    language = _language_param(request.query.get("language"))
    catalog = _deps(request).catalog
    items = []
    for spread in all_spreads():
        tier = None if spread.id in catalog.free_spreads else catalog.minimum_tier_for(spread.id)
        items.append(
            {
                "id": spread.id,
                "name": pick(spread.name, language),
                "description": pick(spread.description, language),
                "cost": spread.cost,
                "cards": spread.card_count,
                "tier": tier.id if tier is not None else None,
                "positions": [{"id": p.id, "name": pick(p.name, language)} for p in spread.positions],
                "questionnaire": [
                    {"id": q.id, "prompt": pick(q.prompt, language), "hint": pick(q.hint, language)}
                    for q in spread.questionnaire
                ],
            }
        )
    return json_response({"spreads": items})


async def create_reading(request: web.Request) -> web.Response:
    deps = _deps(request)
    client, ref = _client_ref(request)
    _only_query(request, set())
    key = request.headers.get("Idempotency-Key", "")
    if not _KEY.match(key):
        raise validation("Idempotency-Key header (1..100 of A-Za-z0-9_.:-) is required", "error.bad_key")
    body = await _json_object(request, deps.max_body_bytes)
    _only(body, {"spread", "question", "deck", "language", "reversals", "answers"})
    spread = _string(body, "spread", required=True, max_length=64)
    question = _string(body, "question", required=True, max_length=QUESTION_MAX)
    if question is not None and not _QUESTION.search(question):
        raise validation("the question needs at least one letter or digit", "error.question_empty")
    deck = _string(body, "deck", max_length=64)
    language = _string(body, "language", max_length=8)
    if language is not None:
        _language_param(language)
    reversals = body.get("reversals")
    if "reversals" in body and not isinstance(reversals, bool):
        raise validation("reversals must be true or false")
    answers = body.get("answers", [])
    if not isinstance(answers, list) or len(answers) > max_answers():
        raise validation(f"answers must be a list of at most {max_answers()} strings")
    for answer in answers:
        if not isinstance(answer, str) or len(answer) > QUESTIONNAIRE_ANSWER_MAX:
            raise validation(f"each answer is a string of at most {QUESTIONNAIRE_ANSWER_MAX} characters")
    assert spread is not None and question is not None
    await _limit(deps, "api", client, ref, deps.user_limit)
    await _limit(deps, "readings", client, ref, deps.reading_limit)
    speaks = language or _accept_language(request)
    for text in (question, *answers):  # intake: a crisis is answered before anything is stored
        support = deps.readings.screen(text, speaks)
        if support is not None and support.kind is SafetyKind.CRISIS:
            return _screened(support, spread, deck, speaks)
    user = await _register(deps, client, ref, language)
    try:
        result = await deps.readings.request_reading(
            ReadingRequest(
                user_id=user.id,
                spread_id=spread,
                question=question,
                idempotency_key=key,
                deck_id=deck,
                language=language,
                reversals=reversals,
                answers=tuple(answers),
            )
        )
    except SupportOnly as screened:  # the use case's backstop
        return _screened(screened.support, spread, deck, speaks)
    data = {
        **reading_json(result.reading),
        **framing_json(result.support, result.lean),
        "replayed": result.replayed,
        "available": result.available,
    }
    return json_response(data, 200 if result.replayed else 201)


def _screened(support: Support, spread: str, deck: str | None, language: str) -> web.Response:
    """200, the support block and no reading: nothing was drawn, charged or stored."""
    return json_response({**screened_json(support, spread, deck or DEFAULT_DECK_ID, language), "cost": 0})


async def list_readings(request: web.Request) -> web.Response:
    deps = _deps(request)
    client, ref = _client_ref(request)
    _only_query(request, {"limit", "offset"})
    limit = _int_param(request, "limit", 10, 1, MAX_PAGE)
    offset = _int_param(request, "offset", 0, 0, MAX_OFFSET)
    await _limit(deps, "api", client, ref, deps.user_limit)
    user = await deps.users.find(external_ref(client, ref))
    readings, total = await deps.readings.history(user.id, limit, offset)
    items = [{**reading_json(r), **framing_json(*deps.readings.framing(r))} for r in readings]
    return json_response({"items": items, "total": total, "limit": limit, "offset": offset})


async def get_balance(request: web.Request) -> web.Response:
    deps = _deps(request)
    client, ref = _client_ref(request)
    _only_query(request, set())
    await _limit(deps, "api", client, ref, deps.user_limit)
    user = await deps.users.find(external_ref(client, ref))
    balance = await deps.credits.balance(user.id)
    tier = user.tier_at(deps.clock.now())
    until = user.tier_until.isoformat() if tier is not None and user.tier_until is not None else None
    return json_response(
        {
            "available": balance.available,
            "posted": balance.posted,
            "held": balance.pending_out,
            "tier": tier,
            "tier_until": until,
            "purchases_frozen": user.purchases_frozen,
        }
    )


async def create_checkout(request: web.Request) -> web.Response:
    deps = _deps(request)
    provider = deps.checkout_provider
    if provider is None:  # the route exists only with a provider
        raise web.HTTPNotFound()
    client, ref = _client_ref(request)
    _only_query(request, set())
    body = await _json_object(request, deps.max_body_bytes)
    _only(body, {"product", "currency"})
    product = _string(body, "product", required=True, max_length=64)
    currency = _string(body, "currency", max_length=8)
    assert product is not None
    if product not in deps.catalog.product_ids():
        raise validation(f"unknown product {product!r}", "error.unknown_product", product=product[:64])
    if currency is not None and currency not in deps.currencies:
        raise validation(f"unsupported currency {currency!r}", "error.no_price", product=product)
    await _limit(deps, "api", client, ref, deps.user_limit)
    user = await _register(deps, client, ref, None)
    checkout = await deps.payments.start_checkout(
        user.id,
        product,
        provider,
        currency or deps.currencies[0],
        deps.success_url,
        deps.cancel_url,
        language=user.preferences.language,
    )
    deps.metrics.payments.inc(provider=provider, status="created")
    order = checkout.order
    return json_response(
        {
            "order_id": order.id,
            "session_id": checkout.session.id,
            "url": checkout.session.url,
            "product": order.product_id,
            "amount": order.amount,
            "currency": order.currency,
            "credits": order.credits,
        },
        201,
    )


# ------------------------------------------------------------------ helpers


def external_ref(client: str, ref: str) -> str:
    return f"api:{client}:{ref}"


def _client_ref(request: web.Request) -> tuple[str, str]:
    ref = request.match_info["ref"]
    if not _REF.match(ref):
        raise validation("a user ref is 1..128 of A-Za-z0-9_.@-", "error.bad_user_ref", ref=ref[:64])
    client = request[CLIENT]
    return client, ref


async def _register(deps: WebDeps, client: str, ref: str, language: str | None) -> User:
    registration = await deps.users.register(external_ref(client, ref), language)
    if registration.created and registration.welcome_credits:
        deps.metrics.credits_granted.inc(registration.welcome_credits, source="welcome")
    return registration.user


async def _limit(deps: WebDeps, scope: str, client: str, ref: str, limit: RateLimit) -> None:
    decision = await deps.rate_limiter.check(f"web:{scope}:{client}:{ref}", limit)
    if not decision.allowed:
        deps.metrics.rate_limited.inc(scope=scope)
        seconds = max(1, math.ceil(decision.retry_after))
        raise TarotError(
            ErrorKind.RATE_LIMITED,
            f"{scope} limit for {client}:{ref}",
            message_key="error.rate_limited",
            params={"seconds": seconds},
        )


async def _read_body(request: web.Request, limit: int) -> bytes:
    """The whole body, refused (413) past `limit`; aiohttp itself stops reading at `client_max_size`."""
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    body = await request.read()
    if len(body) > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=len(body))
    return body


async def _json_object(request: web.Request, limit: int) -> dict[str, Any]:
    raw = await _read_body(request, limit)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise validation("the body must be a JSON object") from None
    if not isinstance(data, dict):
        raise validation("the body must be a JSON object")
    return data


def _only(body: Mapping[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(body) - allowed)
    if extra:
        raise validation(f"unknown fields: {', '.join(extra)[:200]}")


def _only_query(request: web.Request, allowed: set[str]) -> None:
    """The API is strict: a query parameter it does not know is a mistake worth reporting."""
    extra = sorted(set(request.query) - allowed)
    if extra:
        raise validation(f"unknown query parameters: {', '.join(extra)[:200]}")
    for name in allowed:
        if len(request.query.getall(name, [])) > 1:
            raise validation(f"{name} is given more than once")


def _string(body: Mapping[str, Any], name: str, *, required: bool = False, max_length: int) -> str | None:
    if name not in body:
        if required:
            raise validation(f"{name} is required")
        return None
    value = body[name]
    if not isinstance(value, str) or not 1 <= len(value) <= max_length:
        raise validation(f"{name} must be a string of 1..{max_length} characters")
    return value


def _int_param(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"-?[0-9]{1,9}", raw) or not low <= int(raw) <= high:
        raise validation(f"{name} must be an integer from {low} to {high}")
    return int(raw)


def _accept_language(request: web.Request) -> str:
    """The first language of `Accept-Language` that we speak, else English (for error messages)."""
    for part in request.headers.get("Accept-Language", "").split(","):
        code = registry.match_language(part.split(";")[0])
        if code is not None:
            return code
    return registry.FALLBACK


def _language_param(value: str | None) -> str:
    return registry.FALLBACK if value is None else check_language(value)


def reading_json(reading: Reading) -> dict[str, Any]:
    return {
        "id": reading.id,
        "spread": reading.spread_id,
        "deck": reading.deck_id,
        "language": reading.language,
        "question": reading.question,
        "cards": cards_json(reading),
        "answers": [{"item": a.item_id, "answer": a.answer} for a in reading.answers],
        "interpretation": {
            "text": reading.interpretation.text,
            "interpreter": reading.interpretation.interpreter,
            "model": reading.interpretation.model,
        },
        "fallback": reading.fallback,
        "cost": reading.cost,
        "created_at": reading.created_at.isoformat(),
    }


# ------------------------------------------------------------------ serving


async def serve(
    deps: WebDeps,
    host: str,
    port: int,
    *,
    shutdown_timeout: float = 30.0,
    stop: asyncio.Event | None = None,
    started: Callable[[int], None] | None = None,
) -> None:
    """Serve until SIGINT/SIGTERM (or `stop`), then shut down gracefully: stop accepting, let
    in-flight requests finish (up to `shutdown_timeout`), then close resources (`deps.closers`)."""
    app = create_app(deps)
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=shutdown_timeout)
    await runner.setup()
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    try:
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except OSError as error:  # a busy port, a host name that does not resolve: one line, exit 2
            raise StartupError(listen_problem(host, port, error)) from None
        bound = port
        for address in runner.addresses:
            if isinstance(address, tuple) and len(address) >= 2:
                bound = int(address[1])
                break
        logger.info("tarot web listening on http://%s:%d", host, bound)
        if started is not None:
            started(bound)
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        logger.info("tarot web shutting down")
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signum)
        await runner.cleanup()


# ------------------------------------------------------------------ wiring the real thing


@contextlib.asynccontextmanager
async def open_web_deps(
    settings: Settings, web_settings: WebSettings | None = None, *, run_jobs: bool = False
) -> AsyncIterator[WebDeps]:
    """The real wiring (runners/container.py chooses every adapter from the settings); everything is
    closed when the block ends. `web_settings` overrides `settings.web` (tests)."""
    from runners.assemble import open_service, web_deps

    if web_settings is not None:
        settings = evolve(settings, web=web_settings)
    async with open_service(settings, run_jobs=run_jobs) as opened:
        deps: WebDeps = await web_deps(opened)
        yield deps


def add_commands(subparsers: Any) -> None:
    parser = subparsers.add_parser("web", help="serve the JSON API, Stripe webhooks, health and metrics")
    parser.add_argument("--host", default=None, help="listen address (default TAROT_WEB_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="listen port (default TAROT_WEB_PORT or 8080)")
    parser.set_defaults(handler=web_command)


async def web_command(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    configure_service_logging(settings)
    async with open_web_deps(settings, run_jobs=True) as deps:
        logger.info(
            "api clients %d, stripe %s, readiness checks %s",
            len(deps.api_keys), "on" if deps.checkout_provider else "off", ", ".join(deps.pings),
        )  # fmt: skip
        await serve(
            deps, args.host or settings.web_host, settings.web_port if args.port is None else args.port
        )
    return 0


def configure_service_logging(settings: Settings) -> None:
    """The project's logging (runners/logs.py), secrets scrubbed, the request id on every record."""
    from runners.logs import configure_logging

    configure_logging(settings.log_level, settings.log_format, secrets=settings.secrets())
    from adapters.telegram.binding import UpdateContextFilter

    for handler in logging.getLogger().handlers:
        handler.addFilter(RequestIdFilter())
        handler.addFilter(UpdateContextFilter())
