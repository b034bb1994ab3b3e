"""A `tarot web` app on memory adapters, and Stripe-shaped events signed like Stripe signs them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from attrs import define, evolve, field

import tarot
from adapters.http import ApiKeys, ApiLimits, WebDeps, create_app
from adapters.memory.clock import ManualClock
from adapters.memory.payment_gateway import MemoryPaymentGateway
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from adapters.offline.interpreter import OfflineInterpreter
from adapters.stripe_http.webhooks import StripeWebhooks, sign
from runners.metrics import MeteredInterpreter, Metrics, MetricsEvents
from runners.observe import MetricsObserver
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.products import Promotions, default_catalog
from tarot_domain.model.spreads import spread_ids
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.users import UserService
from tarot_ports.rate_limit import RateLimit
from tarot_ports.storage import UnitOfWork

SECRET = "whsec_current_0123456789abcdef"
OLD_SECRET = "whsec_previous_0123456789abcdef"
KEYS = {"alpha": "alpha-key-0123456789abcdef", "beta": "beta-key-0123456789abcdef"}
ADMIN_KEYS = {"alpha": "alpha-admin-key-0123456789abcdef"}
GENEROUS_READINGS = RateLimit(rate=100, period=1, burst=100)
GENEROUS_CALLS = RateLimit(rate=1000, period=1, burst=1000)
GENEROUS_LLM = RateLimit(rate=1000, period=1, burst=1000)
ALPHA = {"Authorization": f"Bearer {KEYS['alpha']}"}
BETA = {"Authorization": f"Bearer {KEYS['beta']}"}
ALPHA_ADMIN = {"Authorization": f"Bearer {ADMIN_KEYS['alpha']}"}
PROBLEM = "application/problem+json"


@define
class Switch:
    """Makes every new unit of work fail as an unreachable database would, while `down`."""

    down: bool = False


@define
class WebWorld:
    store: MemoryStore
    clock: ManualClock
    service: tarot.Tarot
    services: Services
    users: UserService
    credits: CreditService
    payments: PaymentService
    gateway: MemoryPaymentGateway
    metrics: Metrics
    deps: WebDeps
    database: Switch
    pings: dict[str, Callable[[], Awaitable[object]]] = field(factory=dict)

    def now_ts(self) -> int:
        return int(self.clock.now().timestamp())

    async def user_id(self, client: str, ref: str) -> str:
        return (await self.users.find(f"api:{client}:{ref}")).id

    async def available(self, client: str, ref: str) -> int:
        return (await self.credits.balance(await self.user_id(client, ref))).available


def build_web_world(
    *,
    welcome_credits: int = 100,
    stripe: bool = True,
    reading_limit: RateLimit = GENEROUS_READINGS,
    user_limit: RateLimit = GENEROUS_CALLS,
    llm_limit: RateLimit = GENEROUS_LLM,
    max_body_bytes: int = 64 * 1024,
    every_spread_free: bool = False,
    cors_origins: tuple[str, ...] = (),
) -> WebWorld:
    """The API on memory adapters built with the embedders' `tarot.in_memory` (its ports swapped where a
    test needs to reach them: a clock it moves, a database it can switch off, a payment gateway)."""
    store = MemoryStore()
    clock = ManualClock()
    database = Switch()

    def uow() -> UnitOfWork:
        if database.down:
            raise TarotError(ErrorKind.DATABASE, "connection refused", retryable=True)
        return store.uow()

    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=welcome_credits))
    if every_spread_free:
        catalog = evolve(catalog, free_spreads=frozenset(spread_ids()))
    metrics = Metrics()
    gateway = MemoryPaymentGateway()
    service = tarot.in_memory(
        uow=uow,
        clock=clock,
        random=SeededRandom(7),
        catalog=catalog,
        events=MetricsEvents(metrics),
        interpreter=MeteredInterpreter(OfflineInterpreter(), metrics),
        fallback=MeteredInterpreter(OfflineInterpreter(), metrics),
        payment_gateways=[gateway] if stripe else [],
    )
    pings: dict[str, Callable[[], Awaitable[object]]] = {}

    async def ping_database() -> None:
        if database.down:
            raise TarotError(ErrorKind.DATABASE, "connection refused", retryable=True)

    pings["database"] = ping_database
    webhooks = StripeWebhooks([SECRET, OLD_SECRET], clock=lambda: clock.now().timestamp())
    deps = WebDeps(
        users=service.users,
        credits=service.credits,
        readings=service.readings,
        payments=service.payments,
        rate_limiter=service.rate_limiter,
        idempotency=service.idempotency,
        clock=clock,
        catalog=catalog,
        api_keys=ApiKeys.of(KEYS, admin=ADMIN_KEYS),
        webhooks=(webhooks,) if stripe else (),
        checkout_provider="stripe" if stripe else None,
        pings=pings,
        observer=MetricsObserver(metrics),
        limits=ApiLimits(calls=user_limit, readings=reading_limit, llm=llm_limit),
        max_body_bytes=max_body_bytes,
        cors_origins=cors_origins,
    )
    return WebWorld(
        store, clock, service, service.services, service.users, service.credits, service.payments, gateway,
        metrics, deps, database, pings,
    )  # fmt: skip


@asynccontextmanager
async def serving(world: WebWorld) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(create_app(world.deps))) as client:
        yield client


async def problem_of(response: Any) -> dict[str, Any]:
    """The body of a problem answer, checked to be one (RFC 9457's members and ours)."""
    assert response.content_type == PROBLEM, response.content_type
    body: dict[str, Any] = await response.json(content_type=PROBLEM)
    assert body["status"] == response.status and body["type"].startswith("/problems/")
    assert {"title", "detail", "kind", "retryable", "message_key", "request_id"} <= set(body)
    return body


# --------------------------------------------------------------------------- Stripe-shaped events


def event(event_id: str, kind: str, obj: Mapping[str, Any], created: int = 0) -> dict[str, Any]:
    return {
        "id": event_id,
        "object": "event",
        "type": kind,
        "api_version": "2024-06-20",
        "created": created,
        "livemode": False,
        "data": {"object": dict(obj)},
    }


def session(
    order_id: str,
    amount: int,
    *,
    pi: str = "pi_1",
    mode: str = "payment",
    invoice: str | None = None,
    paid: bool = True,
    currency: str = "usd",
) -> dict[str, Any]:
    return {
        "id": f"cs_{order_id}",
        "object": "checkout.session",
        "mode": mode,
        "status": "complete",
        "payment_status": "paid" if paid else "unpaid",
        "client_reference_id": order_id,
        "metadata": {"order_id": order_id},
        "amount_total": amount,
        "currency": currency,
        "payment_intent": pi if mode == "payment" else None,
        "subscription": "sub_1" if mode == "subscription" else None,
        "invoice": invoice,
    }


def invoice(order_id: str, invoice_id: str, amount: int, pi: str, *, first: bool) -> dict[str, Any]:
    return {
        "id": invoice_id,
        "object": "invoice",
        "subscription": "sub_1",
        "billing_reason": "subscription_create" if first else "subscription_cycle",
        "amount_paid": amount,
        "currency": "usd",
        "payment_intent": pi,
        "charge": f"ch_{pi}",
        "paid": True,
        "subscription_details": {"metadata": {"order_id": order_id}},
    }


def charge(pi: str, amount: int, refunded: int) -> dict[str, Any]:
    return {
        "id": f"ch_{pi}",
        "object": "charge",
        "amount": amount,
        "amount_refunded": refunded,
        "currency": "usd",
        "payment_intent": pi,
        "refunded": refunded >= amount,
        "metadata": {},
    }


def dispute(dispute_id: str, pi: str, amount: int, status: str) -> dict[str, Any]:
    return {
        "id": dispute_id,
        "object": "dispute",
        "charge": f"ch_{pi}",
        "payment_intent": pi,
        "amount": amount,
        "currency": "usd",
        "status": status,
    }


def subscription(order_id: str, status: str = "canceled") -> dict[str, Any]:
    return {"id": "sub_1", "object": "subscription", "status": status, "metadata": {"order_id": order_id}}


def signed(
    payload: dict[str, Any] | bytes, timestamp: int, secret: str = SECRET
) -> tuple[bytes, dict[str, str]]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return body, {"Stripe-Signature": sign(body, secret, timestamp), "Content-Type": "application/json"}
