"""Real backends for the job locks and reconciliation: Postgres, Redis and the fake Stripe server.

Postgres and Redis are the session's `pg_url` and `redis_url` (tests/servers.py: the configured servers,
or throwaway ones; a loud skip, a failure under CI=true, when neither can be had). Each test gets its
own lock namespace or key prefix, and a fresh migrated schema where it needs a store, so the suite can
share servers with anything else.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import psycopg
import pytest
import redis as sync_redis

# The fake Stripe server and the web harness live with the Stripe contract suite.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stripe"))

from fake_stripe import FakeStripe

from adapters.postgres.migrations import migrate_database
from adapters.postgres.storage import PostgresStore, create_pool


@pytest.fixture
def redis_prefix(redis_url: str) -> Iterator[str]:
    prefix = f"test:{uuid.uuid4().hex[:12]}:lock:"
    yield prefix
    client = sync_redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
    try:
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@pytest.fixture
def lock_namespace() -> str:
    """Advisory locks are per database, not per schema: a namespace per test keeps tests apart."""
    return f"test-{uuid.uuid4().hex[:12]}:"


@pytest.fixture
async def pg_schema(pg_url: str) -> AsyncIterator[str]:
    """A fresh migrated schema's name (processes of a test's own can open it too)."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
        await conn.execute(f"CREATE SCHEMA {schema}")  # generated identifier
    try:
        await migrate_database(pg_url, schema)
        yield schema
    finally:
        async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
async def pg_store(pg_url: str, pg_schema: str) -> AsyncIterator[PostgresStore]:
    """A fresh migrated schema behind a pool of its own."""
    pool = create_pool(pg_url, schema=pg_schema, min_size=1, max_size=5, timeout=10)
    await pool.open(wait=True)
    try:
        yield PostgresStore(pool)
    finally:
        await pool.close()


@pytest.fixture
async def fake_stripe() -> AsyncIterator[FakeStripe]:
    server = FakeStripe()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
