"""Stores for the fault suites: a migrated SQLite file or Postgres schema, reachable by URL from any process.

The Postgres server is the storage suite's (`pg_url`: TEST_DATABASE_URL, DATABASE_URL, the local default,
else a throwaway initdb server); its conftest is loaded by path, since two modules named `conftest`
cannot be imported by name. A Postgres store is a fresh schema reached through a URL whose `options`
set the search_path, so a worker process and the real `tarot admin` CLI see exactly that schema.
"""

from __future__ import annotations

import asyncio
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from attrs import frozen
from servers import ThrowawayPostgres

from adapters.postgres.migrations import migrate_database


@frozen
class FaultDb:
    kind: str  # "sqlite" or "postgres"
    url: str  # what DATABASE_URL would be


def schema_url(base: str, schema: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgres"])
def fault_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FaultDb]:
    if request.param == "sqlite":
        yield FaultDb("sqlite", f"sqlite:///{tmp_path / 'faults.sqlite3'}")  # created on first open
        return
    base: str = request.getfixturevalue("pg_url")
    schema = f"f_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # a generated identifier
    try:
        asyncio.run(migrate_database(base, schema))
        yield FaultDb("postgres", schema_url(base, schema))
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def own_postgres() -> Iterator[ThrowawayPostgres]:
    try:
        server = ThrowawayPostgres()
        server.start()
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"POSTGRES UNAVAILABLE: cannot start a throwaway server to restart: {exc}")
    try:
        yield server
    finally:
        server.stop()
