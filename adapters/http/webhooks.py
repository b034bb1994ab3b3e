"""`POST /webhooks/{provider}`: a provider's verified events, applied exactly once.

The body is read within its own size and time limits and its nesting is measured before anything
parses it; the provider's adapter (the PaymentWebhooks port) proves it genuine and fresh and says what
it means. 400 for a forged, stale or malformed delivery (nothing changes); 200 once applied, already
applied, or about nothing we sold (and for a refused one, e.g. a wrong amount: logged for an operator,
since a retry cannot fix it); 500 only when the provider should deliver again (the database or the
provider's API is unreachable).
"""

from __future__ import annotations

import logging

from aiohttp import web
from attrs import frozen

from adapters.http import intake, wire
from adapters.http.deps import WebDeps
from adapters.http.middlewares import current_request_id, deps_of, json_response
from adapters.http.problems import Problem
from adapters.http.spec import output
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_ports.payments import PaymentWebhooks

logger = logging.getLogger("adapters.http")
WEBHOOK_DEPTH = 64


@output
@frozen
class Received:
    received: bool
    applied: bool
    flagged: bool


def _reader(deps: WebDeps, provider: str) -> PaymentWebhooks:
    for reader in deps.webhooks:
        if reader.provider == provider:
            return reader
    raise web.HTTPNotFound()


async def receive(request: web.Request) -> web.Response:
    deps = deps_of(request)
    provider = request.match_info["provider"]
    reader = _reader(deps, provider)
    payload = await intake.read_body(request, deps.webhook_max_body_bytes, deps.body_timeout)
    if wire.nesting_depth(payload, WEBHOOK_DEPTH) > WEBHOOK_DEPTH:
        deps.observer.webhook(provider, "rejected")
        raise Problem(
            "body-too-deep", "api.body_too_deep", {"limit": WEBHOOK_DEPTH}, log=f"{provider} webhook"
        )
    try:
        delivery = await reader.read(payload, request.headers)
    except TarotError as error:
        if error.kind is ErrorKind.VALIDATION:
            deps.observer.webhook(provider, "rejected")
            logger.warning("[%s] %s webhook rejected: %s", current_request_id(), provider, error.detail)
            raise Problem(
                "validation", "api.webhook_invalid", log=f"{provider} webhook: {error.detail}"
            ) from None
        return _failure(deps, provider, "?", error)  # fresh state could not be fetched
    event = delivery.event
    try:
        outcome = await deps.payments.apply(event)
    except TarotError as error:
        return _failure(deps, provider, event.event_id, error)
    result = "applied" if outcome.applied else "skipped"
    deps.observer.webhook(provider, result)
    if outcome.applied and outcome.payment is not None:
        deps.observer.payment(outcome.payment.provider, outcome.payment.status.value)
    if outcome.credits_granted:
        deps.observer.credits_granted(outcome.credits_granted, provider)
    if outcome.credits_restored:
        deps.observer.credits_granted(outcome.credits_restored, f"{provider}-restore")
    logger.info("[%s] %s %s %s: %s %s", current_request_id(), provider, delivery.kind, event.event_id, result,
                outcome.note)  # fmt: skip
    if outcome.flagged:  # recorded, credits held: `tarot admin payments --flagged`
        logger.warning("[%s] %s %s: money held for an operator: %s", current_request_id(), provider,
                       event.event_id, outcome.payment.flag if outcome.payment else "")  # fmt: skip
    return json_response(Received(True, outcome.applied, outcome.flagged))


def _failure(deps: WebDeps, provider: str, event_id: str, error: TarotError) -> web.Response:
    if error.retryable and error.kind in (ErrorKind.DATABASE, ErrorKind.PAYMENT, ErrorKind.API):
        deps.observer.webhook(provider, "retry")
        logger.error("[%s] %s event %s not applied, %s will retry: %s", current_request_id(), provider,
                     event_id, provider, error.detail)  # fmt: skip
        raise Problem("internal", "api.webhook_retry", retryable=True, log=error.detail)
    deps.observer.webhook(provider, "refused")
    logger.error("[%s] %s event %s refused: %s", current_request_id(), provider, event_id, error.detail)
    return json_response(Received(True, False, False))
