"""Apply `sql/NNNN_*.sql` in order, once each, recorded with a checksum in `schema_migrations`.

Each file runs in its own transaction together with its record, so a failed file leaves nothing
behind. Concurrent migrators (several replicas starting at once) are serialised by a transaction-level
advisory lock keyed on the target schema; the loser finds the file recorded and skips it. An applied
file whose content changed is refused: history is fixed, a change needs a new numbered file.
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import psycopg
from attrs import frozen
from psycopg import sql

_NAME = re.compile(r"^\d{4}_[a-z0-9_]+\.sql$")
# Any fixed 32-bit tag; hashed with the schema so migrating different schemas does not contend.
_LOCK_TAG = "tarot-bot:schema_migrations:"


class MigrationError(RuntimeError):
    """The schema cannot be brought up to date without a person looking at it."""


@frozen
class Migration:
    name: str
    sql: str
    checksum: str


def bundled_migrations() -> list[Migration]:
    """The migrations shipped inside this package (repo-root `sql/` links to the same directory)."""
    return load_migrations(resources.files("adapters.postgres") / "sql")


def load_migrations(directory: Traversable) -> list[Migration]:
    found = []
    for entry in directory.iterdir():
        if entry.is_file() and entry.name.endswith(".sql"):
            if not _NAME.match(entry.name):
                raise MigrationError(f"migration file {entry.name!r} is not named NNNN_lowercase_words.sql")
            data = entry.read_bytes()
            found.append(Migration(entry.name, data.decode("utf-8"), hashlib.sha256(data).hexdigest()))
    found.sort(key=lambda m: m.name)
    numbers = [m.name[:4] for m in found]
    if len(set(numbers)) != len(numbers):
        raise MigrationError(f"two migrations share a number: {numbers}")
    return found


async def migrate(conn: psycopg.AsyncConnection[Any], migrations: list[Migration] | None = None) -> list[str]:
    """Bring the schema first on the connection's search_path up to date; returns the names applied.

    The connection must not be in a transaction; it is left idle (each file is committed).
    """
    todo = bundled_migrations() if migrations is None else migrations
    if conn.autocommit:
        raise MigrationError("migrate() needs a connection with autocommit off")
    await conn.rollback()
    applied: list[str] = []
    for migration in todo:
        async with conn.transaction():
            await _lock(conn)
            recorded = await _recorded(conn)
            _verify(recorded, todo)
            if migration.name in recorded:
                continue
            await conn.execute(migration.sql.encode())
            await conn.execute(
                "INSERT INTO schema_migrations (name, checksum) VALUES (%s, %s)",
                (migration.name, migration.checksum),
            )
            applied.append(migration.name)
    if not todo:  # still verify the record on an empty set, so a wrong package is noticed
        async with conn.transaction():
            await _lock(conn)
            _verify(await _recorded(conn), todo)
    return applied


async def migrate_database(conninfo: str, schema: str | None = None) -> list[str]:
    """Connect, migrate the given schema (default: the server's search_path), disconnect."""
    async with await psycopg.AsyncConnection.connect(conninfo) as conn:
        if schema is not None:
            await conn.execute(
                "SELECT set_config('search_path', %s, false)", (sql.Identifier(schema).as_string(conn),)
            )
            await conn.commit()
        return await migrate(conn)


async def applied_migrations(conn: psycopg.AsyncConnection[Any]) -> dict[str, str]:
    """name → checksum of what the schema records (empty when never migrated)."""
    cur = await conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL")
    row = await cur.fetchone()
    if row is None or not row[0]:
        return {}
    cur = await conn.execute("SELECT name, checksum FROM schema_migrations")
    return {str(name): str(checksum) for name, checksum in await cur.fetchall()}


async def _lock(conn: psycopg.AsyncConnection[Any]) -> None:
    # The table is created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide.
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtext(%s || coalesce(current_schema(), '')))", (_LOCK_TAG,)
    )
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
    )


async def _recorded(conn: psycopg.AsyncConnection[Any]) -> dict[str, str]:
    cur = await conn.execute("SELECT name, checksum FROM schema_migrations")
    return {str(name): str(checksum) for name, checksum in await cur.fetchall()}


def _verify(recorded: dict[str, str], migrations: list[Migration]) -> None:
    for m in migrations:
        checksum = recorded.get(m.name)
        if checksum is not None and checksum != m.checksum:
            raise MigrationError(
                f"migration {m.name} was changed after it was applied (recorded sha256 {checksum[:12]}…, "
                f"file has {m.checksum[:12]}…); restore it and put the change in a new numbered file"
            )
