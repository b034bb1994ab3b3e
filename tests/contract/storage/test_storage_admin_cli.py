"""`tarot migrate` and `tarot admin ...` against real SQLite and Postgres databases."""

from __future__ import annotations

import argparse
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from attrs import frozen

from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from runners.cli import build_parser
from runners.stores import StoreHandle, open_store
from tarot_domain.model.ledger import user_account
from tarot_domain.model.products import STARS
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.payments import PaymentService
from tarot_ports.payments import PaymentSucceeded, ProviderPayment

pytestmark = pytest.mark.contract


@frozen
class Db:
    kind: str
    url: str
    execute: Callable[[str], None]


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Db]:
    if request.param == "sqlite":
        path = tmp_path / "admin.sqlite3"

        def run_sqlite(statement: str) -> None:
            with sqlite3.connect(path) as conn:
                conn.execute(statement)

        url = f"sqlite:///{path}"
        monkeypatch.setenv("DATABASE_URL", url)
        yield Db("sqlite", url, run_sqlite)
        return
    base: str = request.getfixturevalue("pg_url")
    schema = f"a_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"

    def run_pg(statement: str) -> None:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(statement)  # type: ignore[arg-type]

    monkeypatch.setenv("DATABASE_URL", url)
    try:
        yield Db("postgres", url, run_pg)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")  # type: ignore[arg-type]


def _parser() -> argparse.ArgumentParser:
    return build_parser()  # the real `tarot` parser, so the commands are reachable as users type them


async def cli(*argv: str) -> int:
    args = _parser().parse_args(list(argv))
    code: int = await args.handler(args)
    return code


def _ts(db: Db, moment: datetime) -> str:
    if db.kind == "sqlite":
        return str(int(moment.timestamp() * 1_000_000))
    return f"'{moment.isoformat()}'::timestamptz"


async def _seed(db: Db, make: Any) -> None:
    """A user with a grant and one paid reading (hold posted, reading stored)."""
    now = datetime.now(UTC)
    async with open_store(db.url) as store, store.uow_factory() as uow:
        await uow.users.add(make.user(ref="telegram:12345", created_at=now, last_seen_at=now))
        await uow.commit()
    assert await cli("admin", "grant", "telegram:12345", "30", "--reason", "welcome", "--id", "g1") == 0
    now = datetime.now(UTC)  # after the grant, so the reading's hold is the newest transfer
    async with open_store(db.url) as store, store.uow_factory() as uow:
        await uow.ledger.submit(make.hold("hold:r1", "u1", 5), now)
        await uow.readings.add(make.reading("r1", at=now - timedelta(days=40), hold_id="hold:r1"))
        await uow.ledger.post("hold:r1", now)
        await uow.commit()


async def test_a_healthy_store_passes_the_check(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    assert await cli("migrate") == 0  # again: nothing to do
    await _seed(db, make)
    capsys.readouterr()
    assert await cli("admin", "check") == 0
    assert capsys.readouterr().out.startswith("ok")
    assert await cli("admin", "check", "--json") == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


_REVENUE_SLOT = "(SELECT min(slot) FROM balances WHERE account = 'revenue:readings')"
_SLOT_COLUMN = {"sqlite": "", "postgres": ", slot"}
_SLOT_VALUE = {"sqlite": "", "postgres": f", {_REVENUE_SLOT}"}
_SLOT_WHERE = {"sqlite": "", "postgres": f" AND slot = {_REVENUE_SLOT}"}

CORRUPTIONS = {
    "zero-sum": lambda db, past: [
        f"UPDATE balances SET posted = posted + 5 WHERE account = '{user_account('u1')}'"
    ],
    "charged-without-reading": lambda db, past: [
        "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,"
        " expires_at, resolved_at, balancing)"
        " VALUES ('orphan', 'user:u1', 'revenue:readings', 5, 5, 'reading', 'x', 'posted',"
        f" {_ts(db, past)}, {_ts(db, past)}, {_ts(db, past)}, false)",
        "UPDATE balances SET posted = posted - 5 WHERE account = 'user:u1'",
        "UPDATE balances SET posted = posted + 5 WHERE account = 'revenue:readings'",
    ],
    # On Postgres the hold names the revenue row (slot) it was held on, as the adapter writes it.
    "expired-hold-pending": lambda db, past: [
        "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,"
        f" expires_at, balancing{_SLOT_COLUMN[db.kind]})"
        " VALUES ('stale', 'user:u1', 'revenue:readings', 5, 5, 'reading', 'x', 'pending',"
        f" {_ts(db, past)}, {_ts(db, past)}, false{_SLOT_VALUE[db.kind]})",
        "UPDATE balances SET pending_out = pending_out + 5 WHERE account = 'user:u1'",
        "UPDATE balances SET pending_in = pending_in + 5 WHERE account = 'revenue:readings'"
        f"{_SLOT_WHERE[db.kind]}",
    ],
    # issue 14: corruptions that every balance summing to zero used to hide
    "balance-drift": lambda db, past: [
        "UPDATE balances SET posted = posted + 1000 WHERE account = 'user:u1'",
        "UPDATE balances SET posted = posted - 1000 WHERE account = 'revenue:readings'",
    ],
    "grant-without-payment": lambda db, past: [
        "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,"
        " balancing) VALUES ('purchase:ord_ghost', 'issuance:stripe', 'user:u1', 50, 50, 'purchase',"
        f" 'ord_ghost', 'posted', {_ts(db, past)}, false)",
        "INSERT INTO balances (account, posted) VALUES ('issuance:stripe', -50)",
        "UPDATE balances SET posted = posted + 50 WHERE account = 'user:u1'",
    ],
    "payment-without-grant": lambda db, past: [
        "INSERT INTO payments (id, provider, provider_ref, user_id, product_id, amount, currency, credits,"
        f" status, created_at, granted) VALUES ('ord_lost', 'stripe', 'pi_9', 'u1', 'basic', 599, 'USD',"
        f" 120, 'paid', {_ts(db, past)}, 120)"
    ],
}


@pytest.mark.parametrize("broken", list(CORRUPTIONS))
async def test_a_corrupted_store_fails_the_check_naming_the_invariant(
    db: Db, make, capsys, broken: str
) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)
    past = datetime.now(UTC) - timedelta(hours=1)
    for statement in CORRUPTIONS[broken](db, past):
        db.execute(statement.replace("false)", "0)") if db.kind == "sqlite" else statement)
    capsys.readouterr()
    assert await cli("admin", "check") == 1
    out = capsys.readouterr().out
    assert out.startswith(f"violation: {broken}"), out
    assert await cli("admin", "check", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["violations"][0].startswith(broken)
    if broken == "expired-hold-pending":  # the sweeper is the cure
        assert await cli("admin", "sweep") == 0
        assert "released 1 expired hold" in capsys.readouterr().out
        assert await cli("admin", "check") == 0


def _payments(store: StoreHandle) -> PaymentService:
    return PaymentService(Services(uow=store.uow_factory, clock=SystemClock(), random=SecretsRandom()))


async def test_flagged_payments_are_listed_and_decided(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)
    async with open_store(db.url) as store:
        payments = _payments(store)
        order = await payments.create_order("u1", "starter", STARS)
        odd = ProviderPayment(STARS, order.id, "tg-odd", 1, "XTR")  # 1 ⭐ for a 150 ⭐ order
        assert (await payments.apply(PaymentSucceeded(STARS, "tg:tg-odd", odd))).flagged
    flagged = f"{order.id}/tg-odd"
    capsys.readouterr()
    assert await cli("admin", "payments", "--flagged") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{flagged}  1 XTR (stars tg-odd)  50 credits of starter for telegram:12345")
    assert "costs 150 XTR" in out
    assert await cli("admin", "payments", "--flagged", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)["flagged"]
    assert (row["id"], row["amount"], row["buyer"]) == (flagged, 1, "telegram:12345")
    assert await cli("admin", "payment", "grant", flagged, "--note", "the buyer asked") == 0
    assert capsys.readouterr().out == f"granted 50 credits for {flagged}\n"
    assert await cli("admin", "payment", "refuse", flagged) == 2  # decided already
    assert "not waiting for a decision" in capsys.readouterr().err
    assert await cli("admin", "payment", "grant", "ord_missing") == 2
    assert await cli("admin", "payments", "--flagged") == 0
    assert capsys.readouterr().out.endswith("no payments wait for a decision\n")
    assert await cli("admin", "balance", "telegram:12345", "--json") == 0
    assert json.loads(capsys.readouterr().out)["available"] == 75
    assert await cli("admin", "check") == 0


async def test_a_refused_payment_says_how_to_return_the_money(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)
    async with open_store(db.url) as store:
        payments = _payments(store)
        order = await payments.create_order("u1", "starter", STARS)
        for charge in ("tg-1", "tg-2"):
            paid = ProviderPayment(STARS, order.id, charge, order.amount, "XTR")
            await payments.apply(PaymentSucceeded(STARS, f"tg:{charge}", paid))
    capsys.readouterr()
    assert await cli("admin", "payment", "refuse", f"{order.id}/tg-2", "--note", "a double charge") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"refused {order.id}/tg-2: it grants no credits; the bot returns its 150 XTR")
    async with open_store(db.url) as store, store.uow_factory() as uow:
        second = await uow.payments.get(f"{order.id}/tg-2")
    assert second is not None and second.refund_request is not None  # asked back as it arrived
    assert await cli("admin", "check") == 0


async def test_orders_are_listed_and_a_stars_refund_is_requested_for_the_bot(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)
    async with open_store(db.url) as store:
        payments = _payments(store)
        order = await payments.create_order("u1", "starter", STARS)
        paid = ProviderPayment(STARS, order.id, "tg-1", order.amount, "XTR")
        await payments.apply(PaymentSucceeded(STARS, "tg:tg-1", paid))
    capsys.readouterr()
    assert await cli("admin", "orders", "telegram:12345") == 0
    out = capsys.readouterr().out
    assert f"{order.id}  starter  150 XTR  paid  refunded 0  (stars tg-1)" in out
    assert await cli("admin", "refund", order.id, "--reason", "asked by the buyer", "--wait", "0") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"refund of 150 XTR for {order.id} requested; the bot returns it")
    assert await cli("admin", "orders", "telegram:12345", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)["orders"]
    assert row["refund_request"] == "asked by the buyer" and row["status"] == "paid"
    assert row["history"][-1]["note"] == "refund requested: asked by the buyer"
    async with open_store(db.url) as store:  # the bot's job carries it out
        returned: list[str] = []

        async def refund(buyer: Any, charge: str) -> bool:
            returned.append(charge)
            return True

        counts = await _payments(store).stars.return_money(refund)
    assert counts["returned"] == 1 and returned == ["tg-1"]
    assert await cli("admin", "balance", "telegram:12345", "--json") == 0
    assert json.loads(capsys.readouterr().out)["available"] == 25  # the pack's 50 taken back
    assert await cli("admin", "refund", order.id) == 2  # nothing left to refund
    assert "no money left to refund" in capsys.readouterr().err
    assert await cli("admin", "refund", "ord_missing") == 2
    assert await cli("admin", "orders", "telegram:99") == 2
    assert await cli("admin", "check") == 0


async def test_balance_history_and_purge(db: Db, make, capsys) -> None:
    assert await cli("migrate") == 0
    await _seed(db, make)
    capsys.readouterr()
    assert await cli("admin", "balance", "telegram:12345", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {
        "user": "telegram:12345",
        "posted": 25,
        "pending": 0,
        "available": 25,
    }
    assert await cli("admin", "history", "telegram:12345", "--json") == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert [(e["type"], e["id"]) for e in entries] == [
        ("transfer", "hold:r1"),
        ("transfer", "g1"),
        ("reading", "r1"),
    ]
    assert [e["amount"] for e in entries if e["type"] == "transfer"] == [-5, 30]
    assert await cli("admin", "purge", "--older-than", "30") == 0
    assert "purged the text of 1 reading" in capsys.readouterr().out
    async with open_store(db.url) as store, store.uow_factory() as uow:
        reading = await uow.readings.get("r1")
    assert reading is not None and reading.question == "" and reading.cards


async def test_an_unknown_user_is_one_line_and_exit_2(db: Db, capsys) -> None:
    assert await cli("migrate") == 0
    capsys.readouterr()
    for argv in (
        ("admin", "balance", "telegram:404"),
        ("admin", "history", "telegram:404"),
        ("admin", "grant", "telegram:404", "5", "--reason", "x"),
    ):
        assert await cli(*argv) == 2
        captured = capsys.readouterr()
        assert captured.err == "tarot: error: unknown user telegram:404\n" and captured.out == ""
