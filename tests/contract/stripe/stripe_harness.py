"""`tarot web` on memory storage wired to the fake Stripe: the real Stripe adapter end to end."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from attrs import define, evolve
from fake_stripe import FakeStripe

from adapters.http import ApiKeys, WebDeps, create_app
from adapters.memory.idempotency import MemoryIdempotencyStore
from adapters.memory.randomness import SeededRandom
from adapters.memory.rate_limit import MemoryRateLimiter
from adapters.memory.storage import MemoryStore
from adapters.offline.interpreter import OfflineInterpreter
from adapters.stripe_http.client import StripeClient
from adapters.stripe_http.gateway import StripePaymentGateway
from adapters.stripe_http.webhooks import StripeWebhooks
from adapters.system.clock import SystemClock
from tarot_domain.model.products import Promotions, default_catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService

API_KEY = "frontend-key-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {API_KEY}"}


async def no_sleep(_: float) -> None:
    return None


def stripe_client(fake: FakeStripe, **kw: Any) -> StripeClient:
    return StripeClient(fake.api_key, base_url=fake.url, sleep=no_sleep, **kw)


@define
class Shop:
    fake: FakeStripe
    store: MemoryStore
    users: UserService
    credits: CreditService
    payments: PaymentService
    client: TestClient[Any, Any]

    async def user_id(self, ref: str) -> str:
        return (await self.users.find(f"api:shop:{ref}")).id

    async def available(self, ref: str) -> int:
        return (await self.credits.balance(await self.user_id(ref))).available

    async def checkout(self, ref: str, product: str, currency: str = "USD") -> dict[str, Any]:
        response = await self.client.post(
            f"/v1/users/{ref}/checkout", json={"product": product, "currency": currency}, headers=AUTH
        )
        assert response.status == 201, await response.text()
        data: dict[str, Any] = await response.json()
        return data


@asynccontextmanager
async def open_shop(fake: FakeStripe) -> AsyncIterator[Shop]:
    store = MemoryStore()
    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
    services = Services(uow=store.uow, clock=SystemClock(), random=SeededRandom(3), catalog=catalog)
    stripe = stripe_client(fake)
    payments = PaymentService(services, [StripePaymentGateway(stripe)])
    users, credits = UserService(services), CreditService(services)
    deps = WebDeps(
        users=users,
        credits=credits,
        readings=ReadingService(services, OfflineInterpreter(), OfflineInterpreter()),
        payments=payments,
        rate_limiter=MemoryRateLimiter(),
        idempotency=MemoryIdempotencyStore(),
        clock=services.clock,
        catalog=catalog,
        api_keys=ApiKeys.of({"shop": API_KEY}),
        webhooks=(StripeWebhooks([fake.webhook_secret], stripe),),
        checkout_provider="stripe",
        closers=(stripe.aclose,),
    )
    async with TestClient(TestServer(create_app(deps), host="127.0.0.1")) as client:
        fake.webhook_url = str(client.make_url("/webhooks/stripe"))
        yield Shop(fake, store, users, credits, payments, client)
