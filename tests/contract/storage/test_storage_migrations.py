"""Schema management: Postgres migrations (sql/*.sql) and the SQLite schema version."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from adapters.postgres.migrations import (
    Migration,
    MigrationError,
    bundled_migrations,
    migrate,
    migrate_database,
)
from adapters.sqlite.schema import SCHEMA_VERSION
from adapters.sqlite.storage import SqliteStore
from tarot_domain.model.errors import ErrorKind, TarotError

pytestmark = pytest.mark.contract

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
async def empty_schema(pg_url: str):
    schema = "m_" + hashlib.sha1(str(id(object())).encode()).hexdigest()[:12]
    async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
        await conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    yield schema
    async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
        await conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


async def _connect(pg_url: str, schema: str) -> psycopg.AsyncConnection:
    conn = await psycopg.AsyncConnection.connect(pg_url)
    await conn.execute("SELECT set_config('search_path', %s, false)", (schema,))
    await conn.commit()
    return conn


def test_the_bundled_migrations_are_the_repo_sql_directory() -> None:
    bundled = bundled_migrations()
    assert bundled[0].name == "0001_init.sql"
    on_disk = sorted(p.name for p in (REPO / "sql").glob("*.sql"))
    assert [m.name for m in bundled] == on_disk
    for m in bundled:
        assert m.checksum == hashlib.sha256((REPO / "sql" / m.name).read_bytes()).hexdigest()


async def test_migrate_applies_once_and_records_checksums(pg_url: str, empty_schema: str) -> None:
    names = [m.name for m in bundled_migrations()]
    assert await migrate_database(pg_url, empty_schema) == names
    assert await migrate_database(pg_url, empty_schema) == []
    async with await _connect(pg_url, empty_schema) as conn:
        cur = await conn.execute("SELECT name, checksum FROM schema_migrations ORDER BY name")
        assert await cur.fetchall() == [(m.name, m.checksum) for m in bundled_migrations()]
        cur = await conn.execute(
            "SELECT to_regclass('transfers') IS NOT NULL, to_regclass('public.transfers')"
        )
        assert await cur.fetchone() == (True, None)  # built in the schema asked for, not in public


async def test_a_changed_applied_migration_is_refused(pg_url: str, empty_schema: str) -> None:
    await migrate_database(pg_url, empty_schema)
    first = bundled_migrations()[0]
    edited = first.sql + "\n-- an innocent edit\n"
    changed = Migration(first.name, edited, hashlib.sha256(edited.encode()).hexdigest())
    async with await _connect(pg_url, empty_schema) as conn:
        with pytest.raises(MigrationError, match=r"0001_init\.sql was changed after it was applied"):
            await migrate(conn, [changed])


async def test_a_failing_migration_leaves_nothing_behind(pg_url: str, empty_schema: str) -> None:
    base = bundled_migrations()
    bad = Migration("9001_bad.sql", "CREATE TABLE half_done (x int); SELECT 1 / 0;", "x" * 64)
    async with await _connect(pg_url, empty_schema) as conn:
        with pytest.raises(psycopg.errors.DivisionByZero):
            await migrate(conn, [*base, bad])
        await conn.rollback()
        cur = await conn.execute(
            "SELECT to_regclass('half_done') IS NULL, (SELECT count(*) FROM schema_migrations)"
        )
        assert await cur.fetchone() == (True, len(base))
        good = Migration("9001_bad.sql", "CREATE TABLE half_done (x int);", "y" * 64)
        assert await migrate(conn, [*base, good]) == ["9001_bad.sql"]


async def test_concurrent_migrators_apply_each_file_once(pg_url: str, empty_schema: str) -> None:
    results = await asyncio.gather(*(migrate_database(pg_url, empty_schema) for _ in range(6)))
    applied = [name for names in results for name in names]
    assert sorted(applied) == sorted(m.name for m in bundled_migrations())


async def test_sqlite_creates_its_schema_once_and_records_the_version(tmp_path: Path, make) -> None:
    path = tmp_path / "deep" / "dir" / "tarot.sqlite3"
    async with SqliteStore(path) as store:
        assert await store.schema_version() == SCHEMA_VERSION
        async with store.uow() as uow:
            await uow.users.add(make.user())
            await uow.commit()
    async with SqliteStore(path) as again:  # reopening is a no-op for the schema and keeps the data
        assert await again.schema_version() == SCHEMA_VERSION
        async with again.uow() as uow:
            assert await uow.users.count() == 1
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_sqlite_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    store = SqliteStore(path)
    with pytest.raises(TarotError) as caught:
        await store.open()
    assert caught.value.kind is ErrorKind.DATABASE and "newer than this code" in caught.value.detail
    await store.close()


async def test_the_database_itself_refuses_a_negative_user_balance(real_backend, make) -> None:
    """The CHECK constraint behind the adapters' own rule."""
    backend = real_backend
    async with backend.uow() as uow:
        await uow.ledger.submit(make.grant("g1", "u1", 5), make.now)
        await uow.commit()
    if backend.kind == "sqlite":
        with sqlite3.connect(backend.store.path) as raw, pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE balances SET posted = -1 WHERE account = 'user:u1'")
    else:
        async with backend.store.pool.connection() as conn:
            with pytest.raises(psycopg.errors.CheckViolation):
                await conn.execute("UPDATE balances SET pending_out = posted + 1 WHERE account = 'user:u1'")


# --------------------------------------------------------------------------- issue 14: payments as aggregates

# What the previous release left behind for one card payment: paid (120 credits for 599), refunded 300
# (its claw-back took 60), disputed (took 59) and the dispute won (59 restored), plus a version claim.
OLD_TRANSFERS = (
    ("purchase:ord_old", "issuance:stripe", "user:u1", 120, 120, "purchase"),
    ("refund:ord_old:300", "user:u1", "issuance:stripe", 60, 60, "clawback"),
    ("dispute:dp_1", "user:u1", "issuance:stripe", 59, 59, "clawback"),
    ("dispute-restore:dp_1", "issuance:stripe", "user:u1", 59, 59, "restore"),
)


def _old_rows(ts: str, true: str, false: str) -> list[str]:
    rows = [
        "INSERT INTO payments (id, provider, provider_ref, user_id, product_id, amount, currency, credits,"
        f" status, refunded_amount, created_at) VALUES ('ord_old', 'stripe', 'pi_old', 'u1', 'basic', 599,"
        f" 'USD', 120, 'dispute_won', 300, {ts})",
        "INSERT INTO balances (account, posted) VALUES ('user:u1', 60), ('issuance:stripe', -60)",
        "INSERT INTO processed_events (provider, event_id, processed_at)"
        f" VALUES ('stripe', 'version:ord_old:3', {ts}), ('stripe', 'evt_kept', {ts})",
    ]
    for tid, debit, credit, amount, requested, kind in OLD_TRANSFERS:
        balancing = true if kind == "clawback" else false
        rows.append(
            "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,"
            f" balancing) VALUES ('{tid}', '{debit}', '{credit}', {amount}, {requested}, '{kind}', 'ord_old',"
            f" 'posted', {ts}, {balancing})"
        )
    return rows


async def _assert_upgraded(uow_factory, make) -> None:
    async with uow_factory() as uow:
        payment = await uow.payments.get("ord_old")
        report = await uow.audit.audit(make.now)
        fresh = await uow.events.mark("stripe", "version:ord_old:3", make.now)
        kept = await uow.events.mark("stripe", "evt_kept", make.now)
    assert payment is not None
    assert (payment.version, payment.granted, payment.taken, payment.restored) == (0, 120, 119, 59)
    assert [(d.id, d.status, d.amount) for d in payment.disputes] == [("dp_1", "won", 299)]
    assert payment.due == payment.held == 60
    assert report.ok, report.violations
    assert fresh and not kept  # the version claims are gone, real event ids stay


async def test_postgres_0002_reads_earlier_payments_back_from_the_ledger(
    pg_url: str, empty_schema: str, make
) -> None:
    first, *rest = bundled_migrations()
    async with await _connect(pg_url, empty_schema) as conn:
        assert await migrate(conn, [first]) == ["0001_init.sql"]
        for statement in _old_rows(f"'{make.now.isoformat()}'::timestamptz", "true", "false"):
            await conn.execute(statement)  # type: ignore[arg-type]
        await conn.commit()
        assert await migrate(conn) == [m.name for m in rest]
    from adapters.postgres.storage import open_store

    async with open_store(pg_url, schema=empty_schema) as store:
        await _assert_upgraded(store.uow, make)


async def test_sqlite_version_2_reads_earlier_payments_back_from_the_ledger(tmp_path: Path, make) -> None:
    from adapters.sqlite.schema import MIGRATIONS

    path = tmp_path / "v1.sqlite3"
    with sqlite3.connect(path) as raw:
        for statement in MIGRATIONS[1]:
            raw.execute(statement)
        raw.execute("PRAGMA user_version = 1")
        for statement in _old_rows(str(int(make.now.timestamp() * 1_000_000)), "1", "0"):
            raw.execute(statement)
    async with SqliteStore(path) as store:
        assert await store.schema_version() == SCHEMA_VERSION == 3
        await _assert_upgraded(store.uow, make)


# --------------------------------------------------------------------------- issue 21: balance slots


async def test_postgres_0004_settles_holds_placed_before_the_slots(
    pg_url: str, empty_schema: str, make
) -> None:
    """A hold placed under 0003 (one revenue row) posts and expires correctly under 0004's slots."""
    from adapters.postgres.storage import PostgresStore, create_pool

    migrations = bundled_migrations()
    before = [m for m in migrations if m.name < "0004"]
    async with await _connect(pg_url, empty_schema) as conn:
        await migrate(conn, before)
    pool = create_pool(pg_url, schema=empty_schema)
    await pool.open(wait=True)
    try:
        store = PostgresStore(pool)
        async with pool.connection() as conn:  # what 0003's adapter wrote: one row per account
            for statement in (
                "INSERT INTO balances (account, posted, pending_out, pending_in) VALUES"
                " ('user:u1', 30, 10, 0), ('issuance:grants', -35, 0, 0), ('revenue:readings', 0, 0, 15)",
                "INSERT INTO balances (account, posted, pending_out) VALUES ('user:u2', 5, 5)",
            ):
                await conn.execute(statement)  # type: ignore[arg-type]
            for tid, debit, amount, state, expires in (
                ("grant:u1", "issuance:grants", 30, "posted", None),
                ("hold:a", "user:u1", 10, "pending", make.now + timedelta(minutes=5)),
                ("hold:b", "user:u2", 5, "pending", make.now - timedelta(minutes=5)),
            ):
                credit = "user:u1" if tid.startswith("grant") else "revenue:readings"
                await conn.execute(
                    "INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference,"
                    " state, created_at, expires_at, balancing)"
                    " VALUES (%s, %s, %s, %s, %s, %s, '', %s, %s, %s, false)",
                    (tid, debit, credit, amount, amount, "grant" if expires is None else "reading", state,
                     make.now - timedelta(minutes=10), expires),
                )  # fmt: skip
        async with await _connect(pg_url, empty_schema) as conn:
            assert await migrate(conn) == ["0004_balance_slots.sql"]
        async with store.uow() as uow:
            await uow.ledger.post("hold:a", make.now)
            assert [t.id for t in await uow.ledger.expire_due(make.now)] == ["hold:b"]
            await uow.commit()
        async with store.uow() as uow:
            revenue = await uow.ledger.balance("revenue:readings")
            user = await uow.ledger.balance("user:u1")
        assert (revenue.posted, revenue.pending_in) == (10, 0)
        assert (user.posted, user.pending_out) == (20, 0)
    finally:
        await pool.close()
