"""Stars reconciliation on Postgres, across runs and processes: Telegram's list of the bot's Stars
transactions books each charge whose successful-payment message never arrived exactly once, returns a
double charge exactly once, and the messages arriving late change nothing.

Two `tarot bot`-like processes run the job at the same moment (stars_worker.py, each with its own pool,
its own Telethon client and the shared Postgres job lock), then a third run follows in this process.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from stars_worker import run, services

from adapters.postgres.storage import PostgresStore, create_pool
from tarot_domain.model.ledger import user_account
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.model.products import STARS
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.users import UserService
from tarot_ports.payments import PaymentSucceeded, ProviderPayment

pytestmark = pytest.mark.contract

WORKER = Path(__file__).with_name("stars_worker.py")
REPO = Path(__file__).resolve().parents[3]
BUYER = 4242  # the binding harness's user
PERIOD = 2592000


async def worker(spec: dict[str, Any]) -> dict[str, Any]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(WORKER), json.dumps(spec), cwd=REPO,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, err.decode()[-3000:]
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    return result


def missed(pack_id: str, tier_id: str, now: dt.datetime) -> list[dict[str, Any]]:
    """The bot's transactions, newest first, as Telegram lists them; none of these payments' messages
    reached the bot."""
    day = dt.timedelta(days=1)
    return [
        {"charge": "stxS2", "amount": 750, "payload": tier_id, "user_id": BUYER,
         "date": (now - day).isoformat(), "period": PERIOD},  # the subscription's renewal
        {"charge": "stxA2", "amount": 150, "payload": pack_id, "user_id": BUYER,
         "date": (now - 2 * day).isoformat()},  # a second charge for the paid pack
        {"charge": "stxS1", "amount": 750, "payload": tier_id, "user_id": BUYER,
         "date": (now - 31 * day).isoformat(), "period": PERIOD},
        {"charge": "stxA1", "amount": 150, "payload": pack_id, "user_id": BUYER,
         "date": (now - 40 * day).isoformat()},
    ]  # fmt: skip


async def test_missed_charges_are_booked_once_and_a_double_charge_returned_once_across_processes(
    pg_url: str, pg_schema: str, lock_namespace: str
) -> None:
    pool = create_pool(pg_url, schema=pg_schema, min_size=1, max_size=3, timeout=10)
    await pool.open(wait=True)
    try:
        store = PostgresStore(pool)
        world = services(store)
        payments, credits = PaymentService(world), CreditService(world)
        user = (await UserService(world).register(f"telegram:{BUYER}", "en")).user
        pack = await payments.create_order(user.id, "starter", STARS)
        tier = await payments.create_order(user.id, "tier-premium", STARS)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        day = dt.timedelta(days=1)
        transactions = missed(pack.id, tier.id, now)
        # The default week's look-back would miss the first two: this operator reads 60 days back.
        spec = {"pg_url": pg_url, "schema": pg_schema, "namespace": lock_namespace, "lookback_days": 60,
                "transactions": transactions, "start_at": time.time() + 4}  # fmt: skip

        results = await asyncio.gather(worker(spec), worker(spec))
        assert all(r["outcome"] in ("ok", "skipped") for r in results), results
        third = await run({**spec, "start_at": 0})
        runs = [*results, third]
        assert sum(1 for r in runs if r["outcome"] == "ok") >= 2, runs  # each process ran or waited its turn
        booked = Counter[str]()
        for r in runs:
            booked.update({k: v for k, v in r["counts"].items() if isinstance(v, int)})
        assert (booked["booked"], booked["flagged"], booked["returned"]) == (3, 1, 1), runs
        assert [c for r in runs for c in r["refunds"]] == ["stxA2"]  # refunded exactly once
        assert sorted(n for r in runs for n in r["notices"]) == [
            "ChargeBooked", "ChargeBooked", "ChargeBooked", "ChargeReturned",
        ]  # fmt: skip
        assert third["counts"]["booked"] == 0 and third["refunds"] == []

        balance = (await credits.balance(user.id)).available
        assert balance == 50 + 500 + 500  # the pack once, the subscription's two periods
        async with store.uow() as uow:
            order = await uow.payments.get(pack.id)
            second = await uow.payments.get(f"{pack.id}/stxA2")
            sub = await uow.payments.get(tier.id)
            renewal = await uow.payments.get(f"{tier.id}/stxS2")
            buyer = await uow.users.get(user.id)
            history = await uow.ledger.history(user_account(user.id), limit=100)
        assert order is not None and (order.status, order.provider_ref) == (PaymentStatus.PAID, "stxA1")
        assert second is not None and second.status is PaymentStatus.REFUNDED and second.flag is None
        assert sub is not None and sub.provider_ref == "stxS1" and sub.period_end is not None
        assert renewal is not None and renewal.status is PaymentStatus.PAID and renewal.granted == 500
        assert buyer is not None and buyer.tier_id == "tier-premium"
        assert buyer.tier_until == now - day + dt.timedelta(seconds=PERIOD)  # the renewal's period end
        assert sorted(t.id for t in history) == sorted(
            [f"purchase:{pack.id}", f"purchase:{tier.id}", f"purchase:{tier.id}/stxS2"]
        )

        # The lost messages turn up after all: nothing more is booked.
        for charge, order_id, amount in (("stxA1", pack.id, 150), ("stxS2", tier.id, 750)):
            facts = ProviderPayment(STARS, order_id, charge, amount, "XTR")
            late = await payments.apply(PaymentSucceeded(STARS, f"tg:{charge}", facts))
            assert not late.applied and late.duplicate
        assert (await credits.balance(user.id)).available == balance
        assert (await credits.check()).ok
    finally:
        await pool.close()


async def test_without_the_lock_the_database_alone_books_each_charge_once(
    pg_url: str, pg_schema: str
) -> None:
    """Two processes that do not share a lock (different namespaces) reconcile at the same moment: what
    one books the other finds recorded or collides with (retried next run); the books end exact."""
    pool = create_pool(pg_url, schema=pg_schema, min_size=1, max_size=3, timeout=10)
    await pool.open(wait=True)
    try:
        world = services(PostgresStore(pool))
        payments, credits = PaymentService(world), CreditService(world)
        user = (await UserService(world).register(f"telegram:{BUYER}", "en")).user
        pack = await payments.create_order(user.id, "starter", STARS)
        tier = await payments.create_order(user.id, "tier-premium", STARS)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        base = {"pg_url": pg_url, "schema": pg_schema, "lookback_days": 60,
                "transactions": missed(pack.id, tier.id, now), "start_at": time.time() + 4}  # fmt: skip
        results = await asyncio.gather(
            worker({**base, "namespace": f"a-{uuid.uuid4().hex[:8]}:"}),
            worker({**base, "namespace": f"b-{uuid.uuid4().hex[:8]}:"}),
        )
        assert all(r["outcome"] == "ok" for r in results), results
        await run({**base, "namespace": "c:", "start_at": 0})  # whatever collided is done now
        assert (await credits.balance(user.id)).available == 50 + 500 + 500
        async with world.uow() as uow:
            second = await uow.payments.get(f"{pack.id}/stxA2")
        assert second is not None and second.status is PaymentStatus.REFUNDED
        assert (await credits.check()).ok
    finally:
        await pool.close()
