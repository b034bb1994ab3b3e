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

from runners.cli import build_parser
from runners.stores import open_store
from tarot_domain.model.ledger import user_account

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
    "expired-hold-pending": lambda db, past: [
        "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,"
        " expires_at, balancing)"
        " VALUES ('stale', 'user:u1', 'revenue:readings', 5, 5, 'reading', 'x', 'pending',"
        f" {_ts(db, past)}, {_ts(db, past)}, false)",
        "UPDATE balances SET pending_out = pending_out + 5 WHERE account = 'user:u1'",
        "UPDATE balances SET pending_in = pending_in + 5 WHERE account = 'revenue:readings'",
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
