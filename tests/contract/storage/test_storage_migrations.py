"""Schema management: Postgres migrations (sql/*.sql) and the SQLite schema version."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
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
