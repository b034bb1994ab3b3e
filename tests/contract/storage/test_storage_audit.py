"""The audit of the books on every store: quiet on healthy books, and each planted corruption named
in exactly the same words by the memory store's reference checks and the SQL stores' set-based query.

The books are built through the use cases (a grant, a card payment, a partial refund, a dispute won, a
reading, a Stars payment and a flagged second charge); the corruptions are planted beneath them, the
way a hand edit or a bug in a later release would: straight into the tables (or the memory state).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from attrs import define, evolve

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from adapters.postgres.storage import PostgresStore
from adapters.sqlite.storage import SqliteStore
from tarot_domain.model.ledger import (
    ISSUANCE_STRIPE,
    REVENUE_READINGS,
    TransferKind,
    TransferRequest,
    user_account,
)
from tarot_domain.model.payments import Payment, PaymentStatus
from tarot_domain.model.products import STARS, STRIPE, Promotions, default_catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.users import UserService
from tarot_ports.payments import DisputeUpdated, PaymentRefunded, PaymentSucceeded, ProviderPayment

pytestmark = pytest.mark.contract


@define
class Books:
    backend: Any
    services: Services
    user_id: str
    card: Payment
    stars: Payment

    @property
    def credits(self) -> CreditService:
        return CreditService(self.services)


async def build_books(backend: Any, make: Any) -> Books:
    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
    services = Services(uow=backend.uow, clock=ManualClock(make.now), random=SeededRandom(3), catalog=catalog)
    payments = PaymentService(services)
    user_id = (await UserService(services).register("telegram:5", "en")).user.id
    await CreditService(services).grant(user_id, 30, "welcome back", transfer_id="g1")
    card = await payments.create_order(user_id, "basic", STRIPE, "USD")
    facts = ProviderPayment(STRIPE, card.id, "pi_1", card.amount, "USD")
    await payments.apply(PaymentSucceeded(STRIPE, "evt_paid", facts))
    await payments.apply(PaymentRefunded(STRIPE, "evt_refund", "pi_1", 300))
    await payments.apply(DisputeUpdated(STRIPE, "evt_d1", "pi_1", "dp_1", "needs_response", 299))
    await payments.apply(DisputeUpdated(STRIPE, "evt_d2", "pi_1", "dp_1", "won", 299))
    stars = await payments.create_order(user_id, "starter", STARS)
    for charge in ("tg_1", "tg_2"):  # the second one is flagged
        paid = ProviderPayment(STARS, stars.id, charge, stars.amount, "XTR")
        await payments.apply(PaymentSucceeded(STARS, f"tg:{charge}", paid))
    async with backend.uow() as uow:
        hold = make.hold("hold:r1", user_id, 12)
        await uow.ledger.submit(hold, make.now)
        await uow.readings.add(make.reading("r1", user_id, hold_id="hold:r1", cost=12))
        await uow.ledger.post("hold:r1", make.now)
        await uow.commit()
    return Books(backend, services, user_id, card, stars)


# ---------------------------------------------------------------------------------------------------
# Planting: SQL for the real stores, the state itself for memory


def _one_slot(statement: str) -> str:
    """Postgres spreads a system account over slot rows (migration 0004): a planted change of a
    balance changes one of its rows, as one transfer would."""
    return re.sub(
        r"WHERE account = '([^']*)'$",
        r"WHERE account = '\1' AND slot = (SELECT min(slot) FROM balances WHERE account = '\1')",
        statement,
    )


def run_sql(backend: Any, statements: list[str]) -> Any:
    store = backend.store

    async def plant() -> None:
        if isinstance(store, PostgresStore):
            async with store.pool.connection() as conn:
                for statement in statements:
                    await conn.execute(_one_slot(statement))  # type: ignore[arg-type]
        else:
            assert isinstance(store, SqliteStore)
            with sqlite3.connect(store.path) as conn:
                for statement in statements:
                    conn.execute(statement)

    return plant()


def _ts(backend: Any, make: Any) -> str:
    if isinstance(backend.store, SqliteStore):
        return str(int(make.now.timestamp() * 1_000_000))
    return f"'{make.now.isoformat()}'::timestamptz"


async def plant_drift(books: Books, make: Any) -> None:
    """A zero-sum drift: 1,000 credits moved between two balances, no transfer behind them."""
    user = user_account(books.user_id)
    store = books.backend.store
    if isinstance(store, MemoryStore):
        balances = store.state.book.balances
        balances[user] = evolve(balances[user], posted=balances[user].posted + 1000)
        revenue = balances[REVENUE_READINGS]
        balances[REVENUE_READINGS] = evolve(revenue, posted=revenue.posted - 1000)
        return
    await run_sql(
        books.backend,
        [
            f"UPDATE balances SET posted = posted + 1000 WHERE account = '{user}'",
            f"UPDATE balances SET posted = posted - 1000 WHERE account = '{REVENUE_READINGS}'",
        ],
    )


async def plant_grant_without_payment(books: Books, make: Any) -> None:
    """A purchase grant, its balances moved correctly, for a payment that does not exist."""
    user = user_account(books.user_id)
    store = books.backend.store
    if isinstance(store, MemoryStore):
        request = TransferRequest(
            "purchase:ord_ghost", ISSUANCE_STRIPE, user, 50, TransferKind.PURCHASE, reference="ord_ghost"
        )
        store.state.book.submit(request, make.now)
        return
    balancing = "false" if isinstance(store, PostgresStore) else "0"
    await run_sql(
        books.backend,
        [
            "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,"
            f" balancing) VALUES ('purchase:ord_ghost', '{ISSUANCE_STRIPE}', '{user}', 50, 50, 'purchase',"
            f" 'ord_ghost', 'posted', {_ts(books.backend, make)}, {balancing})",
            f"UPDATE balances SET posted = posted + 50 WHERE account = '{user}'",
            f"UPDATE balances SET posted = posted - 50 WHERE account = '{ISSUANCE_STRIPE}'",
        ],
    )


async def plant_payment_without_grant(books: Books, make: Any) -> None:
    """A payment on record as paid and granted, whose grant never reached the ledger."""
    store = books.backend.store
    if isinstance(store, MemoryStore):
        lost = evolve(books.card, id="ord_lost", status=PaymentStatus.PAID, granted=120, provider_ref="pi_9")
        store.state.payments["ord_lost"] = lost
        return
    await run_sql(
        books.backend,
        [
            "INSERT INTO payments (id, provider, provider_ref, user_id, product_id, amount, currency,"
            " credits, status, created_at, granted) VALUES ('ord_lost', 'stripe', 'pi_9',"
            f" '{books.user_id}', 'basic', 599, 'USD', 120, 'paid', {_ts(books.backend, make)}, 120)"
        ],
    )


async def plant_restore_beyond_what_is_paid_for(books: Books, make: Any) -> None:
    """The card payment records (and the ledger holds) 40 more credits restored than it pays for."""
    user = user_account(books.user_id)
    store = books.backend.store
    request = TransferRequest(
        "restore:extra", ISSUANCE_STRIPE, user, 40, TransferKind.RESTORE, reference=books.card.id
    )
    if isinstance(store, MemoryStore):
        store.state.book.submit(request, make.now)
        card = store.state.payments[books.card.id]
        store.state.payments[books.card.id] = evolve(card, restored=card.restored + 40)
        return
    balancing = "false" if isinstance(store, PostgresStore) else "0"
    await run_sql(
        books.backend,
        [
            "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,"
            f" balancing) VALUES ('restore:extra', '{ISSUANCE_STRIPE}', '{user}', 40, 40, 'restore',"
            f" '{books.card.id}', 'posted', {_ts(books.backend, make)}, {balancing})",
            f"UPDATE balances SET posted = posted + 40 WHERE account = '{user}'",
            f"UPDATE balances SET posted = posted - 40 WHERE account = '{ISSUANCE_STRIPE}'",
            f"UPDATE payments SET restored = restored + 40 WHERE id = '{books.card.id}'",
        ],
    )


def expected_lines(books: Books) -> dict[str, list[str]]:
    user = user_account(books.user_id)
    card = books.card.id
    return {
        "drift": [
            f"balance-drift: {REVENUE_READINGS} stores posted -988, pending out 0, pending in 0;"
            " its transfers add up to 12, 0, 0",
            f"balance-drift: {user} stores posted 1128, pending out 0, pending in 0;"
            " its transfers add up to 128, 0, 0",
        ],
        "grant-without-payment": [
            f"grant-without-payment: purchase:ord_ghost gave 50 credits to {user};"
            " no payment accounts for them"
        ],
        "payment-without-grant": [
            "payment-without-grant: ord_lost granted 120 credits; its grant transfer has 0",
            f"payment-credits: ord_lost leaves 0 credits with {user} but pays for 120 (shortfall 0)",
        ],
        "restore-beyond": [
            f"payment-credits: {card} leaves 100 credits with {user} but pays for 60 (shortfall 0)"
        ],
    }


PLANTS: dict[str, Callable[[Books, Any], Any]] = {
    "drift": plant_drift,
    "grant-without-payment": plant_grant_without_payment,
    "payment-without-grant": plant_payment_without_grant,
    "restore-beyond": plant_restore_beyond_what_is_paid_for,
}


async def test_healthy_books_pass_on_every_store(backend, make) -> None:
    books = await build_books(backend, make)
    report = await books.credits.check()
    assert report.ok, report.violations
    assert (report.accounts, report.pending) == (5, 0)  # user, grants, stripe, stars, revenue
    async with backend.uow() as uow:
        assert (await uow.ledger.balance(user_account(books.user_id))).available == 30 + 60 + 50 - 12


@pytest.mark.parametrize("planted", list(PLANTS))
async def test_each_planted_corruption_is_named_alike_on_every_store(backend, make, planted: str) -> None:
    books = await build_books(backend, make)
    await PLANTS[planted](books, make)
    report = await books.credits.check()
    assert list(report.violations) == expected_lines(books)[planted]


async def test_a_long_report_is_cut_at_the_limit(backend, make) -> None:
    books = await build_books(backend, make)
    await plant_drift(books, make)
    report = await books.credits.check(limit=1)
    assert len(report.violations) == 1 and report.truncated


async def test_an_expired_hold_is_reported_until_the_sweeper_releases_it(backend, make) -> None:
    books = await build_books(backend, make)
    async with backend.uow() as uow:
        await uow.ledger.submit(make.hold("hold:stuck", books.user_id, 5), make.now)
        await uow.commit()
    clock = ManualClock(make.now + timedelta(hours=1))
    later = CreditService(evolve(books.services, clock=clock))
    assert list((await later.check()).violations) == ["expired-hold-pending: hold:stuck"]
    await later.sweep()
    assert (await later.check()).ok
