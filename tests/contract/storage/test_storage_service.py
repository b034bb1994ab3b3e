"""The serving container resolves on every adapter combination, and `tarot serve` runs and stops cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest

from adapters.memory.rate_limit import MemoryRateLimiter
from runners.assemble import dialog, open_service, web_deps
from runners.config import Settings
from runners.container import resolve

pytestmark = pytest.mark.contract


@pytest.fixture
def pg_schema_url(pg_url: str) -> object:
    schema = f"svc_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    yield f"{pg_url}{'&' if '?' in pg_url else '?'}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")  # type: ignore[arg-type]


async def _exercise(settings: Settings, expected_pings: set[str]) -> None:
    async with open_service(settings, run_jobs=True) as opened:
        c = opened.container
        for provider in (c.use_cases.users, c.use_cases.credits, c.use_cases.readings, c.use_cases.payments):
            assert await resolve(provider) is not None
        deps = await web_deps(opened)
        assert set(deps.pings) == expected_pings
        for ping in deps.pings.values():
            await ping()
        chat = await dialog(opened)
        assert chat is not None
        users = await resolve(c.use_cases.users)
        user = (await users.register("api:svc:1")).user
        credits = await resolve(c.use_cases.credits)
        assert (await credits.balance(user.id)).available == settings.welcome_credits
        assert (await credits.check()).ok


async def test_embedded_defaults_resolve(tmp_path: Path) -> None:
    settings = Settings.from_env({"DATABASE_URL": f"sqlite:///{tmp_path}/t.sqlite3"})
    await _exercise(settings, {"database"})
    async with open_service(settings) as opened:
        assert isinstance(await resolve(opened.container.gateways.rate_limiter), MemoryRateLimiter)


async def test_postgres_and_redis_resolve(pg_schema_url: str, redis_url: str) -> None:
    from adapters.postgres.migrations import migrate_database

    await migrate_database(pg_schema_url)
    settings = Settings.from_env({"DATABASE_URL": pg_schema_url, "REDIS_URL": redis_url})
    await _exercise(settings, {"database", "redis"})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_tarot_serve_answers_health_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/serve.sqlite3",
        "TAROT_WEB_PORT": str(port),
        "LOG_FORMAT": "json",
    }
    env.pop("REDIS_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "runners", "serve", "--no-bot"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "tarot serve did not start listening"
                time.sleep(0.1)
        assert health.status_code == 200
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
        assert ready.status_code == 200 and ready.json()["checks"] == {"database": "ok"}
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
