"""Stores for the fault suites: a migrated SQLite file or Postgres schema, reachable by URL from any process.

The Postgres server is the storage suite's (`pg_url`: TEST_DATABASE_URL, DATABASE_URL, the local default,
else a throwaway initdb server); its conftest is loaded by path, since two modules named `conftest`
cannot be imported by name. A Postgres store is a fresh schema reached through a URL whose `options`
set the search_path, so a worker process and the real `tarot admin` CLI see exactly that schema.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import psycopg
import pytest
from attrs import frozen

from adapters.postgres.migrations import migrate_database


def _load_conftest(suite: str) -> ModuleType:
    path = Path(__file__).resolve().parents[1] / suite / "conftest.py"
    spec = importlib.util.spec_from_file_location(f"tarot_{suite}_conftest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


storage_conftest = _load_conftest("storage")
redis_conftest = _load_conftest("redis")
pg_url = storage_conftest.pg_url  # the session fixture, registered here too
RedisServer = redis_conftest.RedisServer  # a throwaway redis-server that can be stopped and started


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


# ---------------------------------------------------------------------------------------------------
# A Postgres server of the test's own, so it can really be restarted without disturbing anyone.


class ThrowawayPostgres:
    """initdb + pg_ctl in a temp dir on a free port (as the `postgres` user when we are root)."""

    def __init__(self) -> None:
        initdb, pg_ctl = storage_conftest._find_tool("initdb"), storage_conftest._find_tool("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin")
        self._initdb, self._pg_ctl = initdb, pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="tarot-faults-pg-"))
        self.data, self.log = self.root / "data", self.root / "log"
        self.port = storage_conftest._free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._prefix: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            runuser = shutil.which("runuser")
            if runuser is None:
                raise RuntimeError("running as root and `runuser` is missing")
            shutil.chown(self.root, "postgres", "postgres")
            self._prefix = [runuser, "-u", "postgres", "--"]

    def _ctl(self, *args: str) -> None:
        # -l: the server's output goes to a file, so no pipe of ours stays open while it runs.
        command = [*self._prefix, self._pg_ctl, "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60"]
        subprocess.run([*command, *args], check=True, capture_output=True, timeout=90)

    def start(self) -> None:
        subprocess.run(
            [*self._prefix, self._initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust",
             "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._ctl("start", "-o", options)

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: every session is terminated, the server stops and starts again."""
        self._ctl("-m", "fast", "restart")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._ctl("-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


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


@pytest.fixture
def own_redis() -> Iterator[Any]:
    server = RedisServer()
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        pytest.skip(f"NO REDIS: cannot start a throwaway redis-server: {exc}")
    try:
        yield server
    finally:
        server.stop()
