"""What one reading costs on the wire to Postgres, counted by a proxy (not timed).

The web endpoint's work for a KNOWN user: `UserService.register` (find the person), then
`ReadingService.request_reading` (hold in one commit; reading saved, hold posted and revenue credited in
a second). Issue 21's budget: at most 6 round trips and 2 commits.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import psycopg
import pytest
from echo_interpreter import EchoInterpreter
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from wire_counter import WireCounter

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from adapters.postgres.migrations import migrate_database
from adapters.postgres.storage import PostgresStore, create_pool
from tarot_domain.model.ledger import user_account
from tarot_domain.model.spreads import get_spread
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_domain.use_cases.users import UserService

pytestmark = pytest.mark.contract

MAX_ROUND_TRIPS = 6
MAX_COMMITS = 2


@contextlib.asynccontextmanager
async def _proxied_store(pg_url: str) -> AsyncIterator[tuple[PostgresStore, WireCounter]]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
        await conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]  # generated identifier
    target = conninfo_to_dict(pg_url)
    host, port = str(target.get("host") or "127.0.0.1"), int(target.get("port") or 5432)
    try:
        await migrate_database(pg_url, schema)
        async with WireCounter.running(host, port) as wire:
            url = make_conninfo(
                pg_url, host="127.0.0.1", port=wire.port, sslmode="disable", gssencmode="disable"
            )
            pool = create_pool(url, schema=schema, min_size=1, max_size=1, timeout=10)
            await pool.open(wait=True)
            try:
                yield PostgresStore(pool), wire
            finally:
                await pool.close()
    finally:
        async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # type: ignore[arg-type]


async def test_a_reading_for_a_known_user_costs_at_most_six_round_trips_and_two_commits(pg_url: str) -> None:
    async with _proxied_store(pg_url) as (store, wire):
        clock = ManualClock()
        services = Services(uow=store.uow, clock=clock, random=SeededRandom(7))
        echo = EchoInterpreter()
        users, readings = UserService(services), ReadingService(services, echo, echo)
        user = (await users.register("api:c:known", "en")).user  # first visit: not measured
        clock.advance(timedelta(seconds=5))
        await asyncio.sleep(0)  # let the pool settle before counting

        figures = []
        for i in range(3):
            counts = wire.reset()
            again = (await users.register("api:c:known", "en")).user
            result = await readings.request_reading(
                ReadingRequest(again.id, "single", f"What now, {i}?", f"key-{i}")
            )
            assert result.charged == get_spread("single").cost and not result.replayed
            figures.append((counts.round_trips, counts.commits, counts.texts))
            print(f"reading {i}: {counts.round_trips} round trips, {counts.commits} commits")
            clock.advance(timedelta(seconds=5))

        for round_trips, commits, texts in figures:
            shown = "\n".join(texts)
            assert round_trips <= MAX_ROUND_TRIPS, f"{round_trips} round trips:\n{shown}"
            assert commits <= MAX_COMMITS, f"{commits} commits:\n{shown}"
            assert commits == 2, f"the hold and the save are two commits:\n{shown}"

        async with store.uow() as uow:
            balance = await uow.ledger.balance(user_account(user.id))
            assert await uow.readings.count_for_user(user.id) == 3
        welcome = services.catalog.promotions.welcome_credits
        assert balance.posted == welcome - 3 * get_spread("single").cost


async def test_the_counter_sees_every_round_trip_and_commit(pg_url: str) -> None:
    """The proxy itself: each statement sent alone is a round trip; an explicit COMMIT and a write
    outside a transaction (autocommit) are a commit each; a pipeline is one round trip."""
    async with _proxied_store(pg_url) as (store, wire), store.pool.connection() as conn:
        await conn.execute("CREATE TEMP TABLE x (a int)")
        counts = wire.reset()
        await conn.execute("SELECT 1")
        await conn.execute("BEGIN")
        await conn.execute("INSERT INTO x VALUES (1)")
        await conn.execute("COMMIT")
        await conn.execute("INSERT INTO x VALUES (2)")
        assert (counts.round_trips, counts.commits, counts.statements) == (5, 2, 5)
        counts = wire.reset()
        async with conn.pipeline():
            await conn.execute("BEGIN")
            await conn.execute("INSERT INTO x VALUES (3)")
            await conn.execute("SELECT count(*) FROM x")
            await conn.execute("COMMIT")
        assert (counts.round_trips, counts.commits, counts.statements) == (1, 1, 4)
