"""A real SIGKILL at every step of a reading and of a payment, then restart, sweep, redeliver, and count.

Each case: a worker process (crash_worker.py) runs one request against a real SQLite file or Postgres
schema and kills itself at the named step. The test process is the service after its restart: it
redelivers the same request at once (what a client's retry or a provider's redelivery does), runs the
sweeper with its clock moved past the hold's expiry, redelivers again, and then every credit is
accounted for: one charge per reading, no hold left pending, every paid reading stored with its text,
every payment granted exactly once; and the real `tarot admin check` (a subprocess on the same
DATABASE_URL) agrees.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from crash_worker import PAYMENT_STEPS, READING_STEPS, OffsetClock, run_op
from faults_support import REPO, admin_check

from adapters.system.randomness import SecretsRandom
from runners.stores import open_store
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    TransferKind,
    TransferRequest,
    TransferState,
    user_account,
)
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.model.spreads import get_spread
from tarot_domain.model.users import Preferences, User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from conftest import FaultDb

pytestmark = pytest.mark.contract

WORKER = Path(__file__).with_name("crash_worker.py")
TTL = 60  # seconds a hold lives in these tests; the sweeper runs with its clock TTL + 1 s ahead
START = 100
SPREAD = "three"
# Steps after which the hold is committed but the reading is not: the request is "in progress".
HOLD_LEFT_PENDING = {"hold:after-commit", "interpret", "save:after-post", "save:after-add"}


def crash(spec: dict[str, Any], step: str) -> None:
    """Run the worker with CRASH_AT=step; it must die of SIGKILL (so the step really was reached)."""
    env = dict(os.environ, CRASH_AT=step)
    done = subprocess.run(
        [sys.executable, str(WORKER), json.dumps(spec)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert done.returncode == -signal.SIGKILL, (
        f"the worker was not killed at {step!r} (exit {done.returncode}): {done.stdout} {done.stderr[-2000:]}"
    )


def services(uow: Any, offset: float = 0.0) -> Services:
    return Services(uow=uow, clock=OffsetClock(offset), random=SecretsRandom())


async def seed_user(url: str, user_id: str, credits: int) -> None:
    now = datetime.now(UTC)
    async with open_store(url) as store, store.uow_factory() as uow:
        await uow.users.add(User(user_id, f"api:faults:{user_id}", Preferences(language="en"), now, now))
        if credits:
            grant = TransferRequest(
                f"seed:{user_id}", ISSUANCE_GRANTS, user_account(user_id), credits, TransferKind.GRANT
            )
            await uow.ledger.submit(grant, now)
        await uow.commit()


async def assert_no_pending_and_check_passes(uow: Any, url: str) -> None:
    async with uow() as u:
        assert await u.ledger.pending() == []
    # The sweeper's clock: a hold still pending by then would be "expired-hold-pending".
    report = await CreditService(services(uow, TTL + 5)).check()
    assert report.ok, report.violations
    cli = admin_check(url)
    assert cli["ok"] is True and cli["pending"] == 0, cli


# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("step", READING_STEPS)
async def test_a_reading_killed_at_any_step_is_charged_exactly_once(fault_db: FaultDb, step: str) -> None:
    cost = get_spread(SPREAD).cost
    await seed_user(fault_db.url, "reader", START)
    spec = {
        "database_url": fault_db.url, "op": "reading", "user_id": "reader", "spread": SPREAD,
        "question": "Will the harvest be good?", "key": "req-1", "hold_ttl": TTL,
    }  # fmt: skip
    crash(spec, step)

    async with open_store(fault_db.url) as store:  # the service, restarted
        uow = store.uow_factory
        first = await run_op(dict(spec), uow)
        if step in HOLD_LEFT_PENDING:
            # The dead attempt's hold is live: the same request is refused as in progress (retryable),
            # never charged a second time, and the credits stay held, not lost.
            assert first["error"] == "conflict" and first["retryable"], first
            balance = await CreditService(services(uow)).balance("reader")
            assert (balance.posted, balance.pending_out) == (START, cost)
        elif step == "save:after-commit":
            assert first["replayed"] and first["charged"] == cost, first
        else:  # nothing was committed: the redelivery is the first real attempt
            assert not first["replayed"] and first["charged"] == cost, first

        swept = await run_op({"op": "sweep", "clock_offset": TTL + 1, "hold_ttl": TTL}, uow)
        expected_expired = ["reading:reader:req-1#1"] if step in HOLD_LEFT_PENDING else []
        assert swept["expired"] == expected_expired

        again = await run_op({**spec, "clock_offset": TTL + 2}, uow)
        assert "error" not in again and again["charged"] == cost, again
        assert again["replayed"] == (step not in HOLD_LEFT_PENDING), again

        async with uow() as u:
            reading = await u.readings.get_by_key("reader", "req-1")
            assert reading is not None and reading.cost == cost
            assert reading.interpretation.text.strip(), "a paid reading without its text"
            assert await u.readings.count_for_user("reader") == 1
            holds = [
                t for t in await u.ledger.history(user_account("reader")) if t.kind is TransferKind.READING
            ]
            posted = [t for t in holds if t.state is TransferState.POSTED]
            assert [t.id for t in posted] == [reading.hold_id], holds
            assert {t.state for t in holds} <= {TransferState.POSTED, TransferState.EXPIRED}
            balance = await u.ledger.balance(user_account("reader"))
            assert (balance.posted, balance.pending_out) == (START - cost, 0)
        await assert_no_pending_and_check_passes(uow, fault_db.url)


@pytest.mark.parametrize("provider", ["stars", "stripe"])
@pytest.mark.parametrize("step", PAYMENT_STEPS)
async def test_a_payment_killed_at_any_step_is_granted_exactly_once(
    fault_db: FaultDb, provider: str, step: str
) -> None:
    await seed_user(fault_db.url, "buyer", 0)
    currency = "XTR" if provider == "stars" else "USD"
    async with open_store(fault_db.url) as store:
        order = await PaymentService(services(store.uow_factory)).create_order(
            "buyer", "starter", provider, currency
        )
    spec = {
        "database_url": fault_db.url, "op": provider, "order_id": order.id,
        "provider_ref": f"{provider}-charge-1", "amount": order.amount, "currency": order.currency,
        "event_id": f"{provider}-event-1",
    }  # fmt: skip
    crash(spec, step)

    async with open_store(fault_db.url) as store:  # the service, restarted; the provider redelivers
        uow = store.uow_factory
        first = await run_op(dict(spec), uow)
        committed = step == "event:after-commit"
        assert first == {"applied": not committed, "granted": 0 if committed else order.credits}
        assert await run_op(dict(spec), uow) == {"applied": False, "granted": 0}

        async with uow() as u:
            balance = await u.ledger.balance(user_account("buyer"))
            assert (balance.posted, balance.pending_out) == (order.credits, 0), "granted twice or lost"
            grants = [
                t for t in await u.ledger.history(user_account("buyer")) if t.kind is TransferKind.PURCHASE
            ]
            assert [t.id for t in grants] == [f"purchase:{order.id}"]
            paid = await u.payments.get(order.id)
            assert paid is not None and paid.status is PaymentStatus.PAID
            assert paid.provider_ref == f"{provider}-charge-1"
            assert [c.status for c in paid.history].count(PaymentStatus.PAID) == 1
        await assert_no_pending_and_check_passes(uow, fault_db.url)
