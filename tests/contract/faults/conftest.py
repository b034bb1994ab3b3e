"""Stores for the fault suites: a migrated SQLite file or Postgres schema, reachable by URL from any process.

The Postgres server is the storage suite's (`pg_url`: TEST_DATABASE_URL, DATABASE_URL, the local default,
else a throwaway initdb server); its conftest is loaded by path, since two modules named `conftest`
cannot be imported by name. A Postgres store is a fresh schema reached through a URL whose `options`
set the search_path, so a worker process and the real `tarot admin` CLI see exactly that schema.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import frozen
from schemas import migrated_schema
from servers import ThrowawayPostgres


@frozen
class FaultDb:
    kind: str  # "sqlite" or "postgres"
    url: str  # what DATABASE_URL would be


@pytest.fixture(params=["sqlite", "postgres"])
def fault_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FaultDb]:
    if request.param == "sqlite":
        yield FaultDb("sqlite", f"sqlite:///{tmp_path / 'faults.sqlite3'}")  # created on first open
        return
    base: str = request.getfixturevalue("pg_url")
    with migrated_schema(base, "f") as url:
        yield FaultDb("postgres", url)


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
