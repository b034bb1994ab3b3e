"""`tarot admin suspend|unsuspend|unfreeze|stats` against real SQLite and Postgres databases."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from test_storage_admin_cli import Db, _payments, _seed, cli
from test_storage_admin_cli import db as db  # the fixture, shared

from runners.stores import open_store
from tarot_domain.model.errors import TarotError
from tarot_domain.model.products import STARS, STRIPE
from tarot_domain.use_cases.users import load_active_user
from tarot_ports.payments import DisputeUpdated, PaymentSucceeded, ProviderPayment

pytestmark = pytest.mark.contract
REF = "telegram:12345"


async def test_suspend_and_unsuspend_change_the_account_once_and_say_so(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)
    capsys.readouterr()
    assert await cli("admin", "suspend", REF) == 0
    assert (
        capsys.readouterr().out
        == f"suspended {REF}: it can start nothing until `tarot admin unsuspend {REF}`\n"
    )
    async with open_store(db.url) as store, store.uow_factory() as uow:
        with pytest.raises(TarotError) as refused:
            await load_active_user(uow, "u1")
    assert refused.value.message_key == "error.user_suspended"
    assert await cli("admin", "suspend", REF, "--json") == 0  # again: nothing to change
    assert json.loads(capsys.readouterr().out) == {"user": REF, "suspended": True, "changed": False}
    assert await cli("admin", "balance", REF, "--json") == 0  # the credits stay
    assert json.loads(capsys.readouterr().out)["available"] == 25
    assert await cli("admin", "unsuspend", REF, "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"user": REF, "suspended": False, "changed": True}
    assert await cli("admin", "unsuspend", REF) == 0
    assert capsys.readouterr().out == f"{REF} was not suspended\n"
    async with open_store(db.url) as store, store.uow_factory() as uow:
        assert (await load_active_user(uow, "u1")).active


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("suspend", "telegram:999"), "tarot: error: unknown user telegram:999\n"),
        (
            ("unsuspend", "nobody"),
            "tarot: error: malformed user reference 'nobody' (expected e.g. telegram:12345)\n",
        ),
        (("unfreeze", "telegram:999", "--json"), "tarot: error: unknown user telegram:999\n"),
    ],
)
async def test_bad_users_are_one_line_and_exit_2(db: Db, capsys, argv: tuple[str, ...], message: str) -> None:
    assert await cli("migrate") == 0
    capsys.readouterr()
    assert await cli("admin", *argv) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message)


async def _stripe_payment(db: Db) -> tuple[str, str]:
    """A paid Stripe order of u1's: (order id, PaymentIntent id)."""
    async with open_store(db.url) as store:
        payments = _payments(store)
        order = await payments.create_order("u1", "starter", STRIPE)
        money = ProviderPayment(STRIPE, order.id, "pi_1", order.amount, order.currency)
        await payments.apply(PaymentSucceeded(STRIPE, "evt_paid", money))
    return order.id, "pi_1"


async def _dispute(db: Db, status: str, event: str, dispute: str = "dp_1") -> None:
    async with open_store(db.url) as store:
        payment = await _payments(store).apply(DisputeUpdated(STRIPE, event, "pi_1", dispute, status, 100))
    assert payment is not None


async def _frozen(db: Db) -> bool:
    async with open_store(db.url) as store, store.uow_factory() as uow:
        user = await uow.users.get("u1")
    assert user is not None
    return user.purchases_frozen


async def test_unfreeze_after_a_lost_dispute_and_not_while_one_is_open(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)
    order_id, _ = await _stripe_payment(db)
    capsys.readouterr()
    assert await cli("admin", "unfreeze", REF) == 0
    assert capsys.readouterr().out == f"{REF}: purchases were not frozen\n"
    await _dispute(db, "needs_response", "evt_d1")
    assert await _frozen(db)
    assert await cli("admin", "unfreeze", REF) == 2  # the outcome is not known yet: nothing changes
    err = capsys.readouterr().err
    assert err.startswith(f"tarot: error: cannot unfreeze {REF}: payment {order_id} has an open dispute")
    assert err.count("\n") == 1 and await _frozen(db)
    await _dispute(db, "lost", "evt_d2")
    assert await _frozen(db)
    assert await cli("admin", "unfreeze", REF, "--note", "the bank was wrong; the buyer paid again") == 0
    assert capsys.readouterr().out == f"unfroze {REF}'s purchases (payments {order_id})\n"
    assert not await _frozen(db)
    await _dispute(db, "lost", "evt_d2_again")  # a redelivered closing changes nothing
    await _dispute(db, "warning_closed", "evt_other", dispute="dp_2")  # news of another dispute re-checks
    assert not await _frozen(db), "the operator's decision holds"
    assert await cli("admin", "unfreeze", REF, "--json") == 0
    assert json.loads(capsys.readouterr().out) == {
        "user": REF, "purchases_frozen": False, "changed": False, "payments": [],
    }  # fmt: skip
    await _dispute(db, "needs_response", "evt_new", dispute="dp_3")  # a new chargeback freezes again
    assert await _frozen(db)
    async with open_store(db.url) as store, store.uow_factory() as uow:
        history = (await uow.payments.get(order_id)).history  # type: ignore[union-attr]
    assert any(change.note.startswith("purchases unfrozen by an operator: the bank") for change in history)
    assert await cli("admin", "check") == 0


async def test_stats_counts_users_readings_credits_and_payments(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)  # one user, 30 granted, one reading of 5 credits 40 days ago
    now = datetime.now(UTC)
    async with open_store(db.url) as store, store.uow_factory() as uow:
        await uow.ledger.submit(make.hold("hold:r2", "u1", 5), now)
        await uow.readings.add(make.reading("r2", at=now - timedelta(days=3), hold_id="hold:r2", key="k2"))
        await uow.ledger.post("hold:r2", now)
        await uow.readings.add(make.reading("r3", at=now, hold_id=None, key="k3"))
        await uow.commit()
    await _stripe_payment(db)  # starter: 50 credits granted
    async with open_store(db.url) as store:
        payments = _payments(store)
        odd_order = await payments.create_order("u1", "starter", STARS)
        odd = ProviderPayment(STARS, odd_order.id, "tg-odd", 1, "XTR")
        assert (await payments.apply(PaymentSucceeded(STARS, "tg:tg-odd", odd))).flagged
    capsys.readouterr()
    assert await cli("admin", "stats", "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures == {
        "users": 1,
        "readings": {"today": 1, "7_days": 2},
        "credits": {"granted": 80, "spent": 10},
        "payments": [
            {"provider": "stars", "status": "created", "count": 1},
            {"provider": "stars", "status": "flagged", "count": 1},
            {"provider": "stripe", "status": "paid", "count": 1},
        ],
        "flagged": 1,
    }
    assert await cli("admin", "stats") == 0
    assert capsys.readouterr().out.splitlines() == [
        "users: 1",
        "readings: 1 today (UTC), 2 in the last 7 days",
        "credits: 80 granted, 10 spent",
        "payments:",
        "  stars created: 1",
        "  stars flagged: 1",
        "  stripe paid: 1",
        "flagged payments: 1",
    ]
