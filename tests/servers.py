"""Real servers for the contract suites, shared by every folder (loaded from tests/conftest.py).

- `pg_url`: TEST_DATABASE_URL, else DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test; when
  nothing answers there, a throwaway server (initdb + pg_ctl in a temp dir on a free port, as the
  `postgres` user when we are root) for the session.
- `redis_url`: REDIS_URL, else redis://127.0.0.1:6379/15; when nothing answers, a throwaway
  `redis-server` for the session. `own_redis_server`: one a test may stop and start again.
When neither works, the tests skip with the reason (a failure under CI=true, see tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import redis as sync_redis

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def find_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


# ---------------------------------------------------------------------------------------------------
# PostgreSQL


def pg_problem(url: str) -> str | None:
    """None when `url` answers, else why not (one line)."""
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class ThrowawayPostgres:
    """initdb + pg_ctl in a temp dir on a free port (as the `postgres` user when we are root)."""

    def __init__(self) -> None:
        initdb, pg_ctl = find_tool("initdb"), find_tool("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin")
        self._initdb, self._pg_ctl = initdb, pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="tarot-pg-"))
        self.data, self.log = self.root / "data", self.root / "log"
        self.port = free_port()
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
        self._ctl("start", "-o", self._options)

    @property
    def _options(self) -> str:
        return (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        )

    def halt(self) -> None:
        """Stop the server at once (every session cut), keeping its data for `resume()`."""
        self._ctl("-m", "immediate", "stop")

    def resume(self) -> None:
        self._ctl("start", "-o", self._options)

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: every session is terminated, the server stops and starts again."""
        self._ctl("-m", "fast", "restart")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._ctl("-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_PG_URL
    if not url.startswith(("postgresql://", "postgres://")):
        url = DEFAULT_PG_URL
    problem = pg_problem(url)
    if problem is None:
        yield url
        return
    try:
        server = ThrowawayPostgres()
        server.start()
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"POSTGRES UNAVAILABLE: {url} does not answer ({problem}) and no throwaway server: {exc}")
    try:
        yield server.url
    finally:
        server.stop()


# ---------------------------------------------------------------------------------------------------
# Redis


def answers(url: str) -> bool:
    client = sync_redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        return bool(client.ping())
    except sync_redis.RedisError:
        return False
    finally:
        client.close()


class RedisServer:
    """A throwaway `redis-server` on a free port, no persistence."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        executable = shutil.which("redis-server")
        if executable is None:
            raise FileNotFoundError("redis-server is not on PATH")
        self._process = subprocess.Popen(
            [executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 5
        while not answers(self.url):
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server did not come up on port {self.port}")
            time.sleep(0.02)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(5)
            self._process = None


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    if answers(REDIS_URL):
        yield REDIS_URL
        return
    server = RedisServer()
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        pytest.skip(f"NO REDIS: nothing answers at {REDIS_URL} and no throwaway redis-server: {exc}")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def own_redis_server() -> Iterator[RedisServer]:
    """A running redis-server of this test's own, which it may stop and start again."""
    server = RedisServer()
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        pytest.skip(f"NO REDIS: cannot start a throwaway redis-server: {exc}")
    try:
        yield server
    finally:
        server.stop()
