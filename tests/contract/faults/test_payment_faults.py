"""Telegram Stars payments while Redis or the database is down, on real servers.

- Redis down (our own redis-server, stopped): the pre-checkout is answered and the payment is booked
  once, however often Telegram delivers it; anything else the bot does reports the outage. Redis comes
  back and the bot goes on with the same client.
- The database down (our own Postgres, stopped at once): the pre-checkout is refused saying why and
  that no money was taken; a payment is retried with backoff, then logged at ERROR with its charge id,
  payload and amount, and the payer is told the truth with the reference. When the database returns,
  the same payment (Telegram's catch-up, or the Stars reconciliation) is booked exactly once; and a
  database that returns during the retries books the payment on a retry.
Each run ends with the operator's `tarot admin check` on the same database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest
from attrs import evolve
from faults_support import admin_check

from adapters.memory.randomness import SeededRandom
from adapters.postgres.migrations import migrate_database
from adapters.redis import RedisDeduplicator, RedisRateLimiter, RedisSessionStore, create_redis
from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from adapters.telegram.dialog import Dialog, DialogConfig
from adapters.telegram.events import (
    IncomingMessage,
    Invoice,
    PreCheckoutQuery,
    Reply,
    Sender,
    SuccessfulPayment,
)
from runners.stores import StoreHandle, open_store
from tarot_domain.model.errors import TarotError
from tarot_domain.model.payments import Payment
from tarot_domain.model.products import STARS, Promotions, default_catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.interpreter import OnDelta

if TYPE_CHECKING:
    from conftest import FaultDb
    from servers import RedisServer, ThrowawayPostgres

pytestmark = pytest.mark.contract

BUYER = 4242
PAID_TEXT = "Thank you! ⭐ 50 credits were added; you now have 50."
UNREADABLE = "We can't check this order right now, so no money was taken. Please try again in a few minutes."


class Outbox:
    """What the bot says, recorded (the Outbox port, as much of it as payments use)."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.pre_checkout: list[tuple[bool, str | None]] = []

    async def send(self, chat_id: int, reply: Reply) -> int:
        self.sent.append(reply.text)
        return len(self.sent)

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        self.sent.append(reply.text)

    async def answer_callback(self, query_id: int, text: str | None = None, alert: bool = False) -> None:
        return None

    async def answer_pre_checkout(self, query_id: int, ok: bool, error: str | None = None) -> None:
        self.pre_checkout.append((ok, error))

    async def send_invoice(self, chat_id: int, invoice: Invoice) -> int:
        raise AssertionError("no invoices here: orders are made through the use case")

    async def typing(self, chat_id: int) -> None:
        return None

    def streamer(self, chat_id: int, message_id: int) -> OnDelta:
        raise AssertionError("no readings here")

    async def refund_stars(self, user_id: int, telegram_payment_charge_id: str) -> None:
        raise AssertionError("no refunds here")


class Shop:
    def __init__(self, store: StoreHandle, redis: Any, retry_delays: tuple[float, ...]) -> None:
        catalog = evolve_catalog()
        self.services = Services(
            uow=store.uow_factory, clock=SystemClock(), random=SecretsRandom(), catalog=catalog
        )
        self.users = UserService(self.services)
        self.credits = CreditService(self.services)
        self.payments = PaymentService(self.services)
        self.out = Outbox()
        self.update = 0
        self.dialog = Dialog(
            users=self.users,
            readings=ReadingService(self.services, _NoInterpreter(), _NoInterpreter()),
            credits=self.credits,
            payments=self.payments,
            sessions=RedisSessionStore(redis),
            rate_limiter=RedisRateLimiter(redis),
            dedup=RedisDeduplicator(redis),
            clock=SystemClock(),
            catalog=catalog,
            config=DialogConfig(payment_retry_delays=retry_delays),
            random=SeededRandom(9),
        )

    async def order(self) -> Payment:
        buyer = (await self.users.register(f"telegram:{BUYER}", "en", "Bo")).user
        return await self.payments.create_order(buyer.id, "starter", STARS)

    async def pre_checkout(self, order: Payment) -> tuple[bool, str | None]:
        self.update += 1
        query = PreCheckoutQuery(self.update, Sender(BUYER, "en"), self.update, order.id, "XTR", order.amount)
        await self.dialog.handle(query, self.out)
        return self.out.pre_checkout[-1]

    async def paid(self, order: Payment, charge: str) -> None:
        self.update += 1
        message = SuccessfulPayment(
            self.update, BUYER, Sender(BUYER, "en"), order.id, "XTR", order.amount, charge
        )
        await self.dialog.handle(message, self.out)

    async def say(self, text: str) -> str:
        self.update += 1
        await self.dialog.handle(IncomingMessage(self.update, BUYER, Sender(BUYER, "en"), text), self.out)
        return self.out.sent[-1]

    async def available(self, order: Payment) -> int:
        return (await self.credits.balance(order.user_id)).available


class _NoInterpreter:
    name = "none"

    async def interpret(self, request: Any, on_delta: OnDelta | None = None) -> Any:
        raise AssertionError("no readings here")

    async def follow_up(
        self, reading: Any, earlier: Any, question: str, on_delta: OnDelta | None = None
    ) -> Any:
        raise AssertionError("no readings here")


def evolve_catalog() -> Any:
    return evolve(default_catalog(), promotions=Promotions(welcome_credits=0))


# --------------------------------------------------------------------------- Redis down


async def test_a_stars_payment_while_redis_is_down_is_answered_and_booked_once(
    fault_db: FaultDb, own_redis_server: RedisServer
) -> None:
    client = create_redis(own_redis_server.url)
    try:
        async with open_store(fault_db.url, pool_max=4) as store:
            shop = Shop(store, client, retry_delays=(0.05,))
            order = await shop.order()
            await asyncio.to_thread(own_redis_server.stop)
            assert await shop.pre_checkout(order) == (True, None)
            await shop.paid(order, "tg-charge-r1")
            await shop.paid(order, "tg-charge-r1")  # Telegram delivers the service message again
            assert shop.out.sent == [PAID_TEXT] and await shop.available(order) == 50
            assert (
                await shop.say("/balance") == "We're having a technical hiccup. Please try again in a moment."
            )
            await asyncio.to_thread(own_redis_server.start)
            assert (await shop.say("/balance")).startswith("You have 50 credits")
    finally:
        await client.aclose()
    assert admin_check(fault_db.url)["ok"]


# --------------------------------------------------------------------------- the database down


async def back_again(shop: Shop, within: float = 15.0) -> None:
    """Wait until the pool serves again after a restart (it reconnects with backoff, on its own)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        try:
            await shop.credits.check()
            return
        except TarotError:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.2)


@pytest.fixture
async def shop_on_own_postgres(
    own_postgres: ThrowawayPostgres, redis_url: str
) -> AsyncIterator[tuple[StoreHandle, Any]]:
    """A store on a Postgres server of this test's own (to stop), and a Redis client."""
    await migrate_database(own_postgres.url)
    client = create_redis(redis_url)
    try:
        async with open_store(own_postgres.url, pool_max=2, pool_timeout=1.0) as store:
            yield store, client
    finally:
        await client.aclose()


async def test_while_the_database_is_down_a_pre_checkout_is_refused_saying_why(
    shop_on_own_postgres: tuple[StoreHandle, Any], own_postgres: ThrowawayPostgres
) -> None:
    shop, postgres = Shop(*shop_on_own_postgres, retry_delays=(0.2,)), own_postgres
    order = await shop.order()
    await asyncio.to_thread(postgres.halt)
    try:
        assert await shop.pre_checkout(order) == (False, UNREADABLE)
    finally:
        await asyncio.to_thread(postgres.resume)
    await back_again(shop)
    assert await shop.pre_checkout(order) == (True, None)


async def test_a_payment_while_the_database_is_down_is_logged_told_honestly_and_booked_once_later(
    shop_on_own_postgres: tuple[StoreHandle, Any],
    own_postgres: ThrowawayPostgres,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shop, postgres = Shop(*shop_on_own_postgres, retry_delays=(0.2, 0.4, 0.8)), own_postgres
    order = await shop.order()
    await asyncio.to_thread(postgres.halt)
    try:
        with caplog.at_level(logging.WARNING, logger="adapters.telegram"):
            await shop.paid(order, "tg-charge-d1")
    finally:
        await asyncio.to_thread(postgres.resume)
    assert shop.out.sent == [
        "We received your payment, thank you. Your credits will appear within a few minutes. "
        "Reference: tg-charge-d1."
    ]
    retries = [r for r in caplog.records if r.levelno == logging.WARNING and "attempt" in r.getMessage()]
    (error,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(retries) == 3
    assert "NOT booked" in error and "tg-charge-d1" in error and order.id in error and "150 XTR" in error
    await back_again(shop)  # the pool reconnects with backoff; how soon depends on the outage's timing
    assert await shop.available(order) == 0
    await shop.paid(order, "tg-charge-d1")  # the same payment again, once the database is back
    await shop.paid(order, "tg-charge-d1")
    assert shop.out.sent[1:] == [PAID_TEXT] and await shop.available(order) == 50
    assert admin_check(postgres.url)["ok"]


async def test_a_database_that_returns_during_the_retries_books_the_payment_then(
    shop_on_own_postgres: tuple[StoreHandle, Any], own_postgres: ThrowawayPostgres
) -> None:
    shop, postgres = Shop(*shop_on_own_postgres, retry_delays=(0.5, 1.0, 2.0, 4.0)), own_postgres
    order = await shop.order()
    await asyncio.to_thread(postgres.halt)

    async def come_back() -> None:
        await asyncio.sleep(0.5)
        await asyncio.to_thread(postgres.resume)

    returning = asyncio.create_task(come_back())
    await shop.paid(order, "tg-charge-d2")
    await returning
    assert shop.out.sent == [PAID_TEXT] and await shop.available(order) == 50
    assert admin_check(postgres.url)["ok"]
