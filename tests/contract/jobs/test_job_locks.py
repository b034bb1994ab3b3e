"""Job locks on real servers: of two processes racing for a job, exactly one runs it.

"Two processes" are two JobRunners with their own Postgres pool or Redis client, which is all a process
shares with another: the server.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg
import pytest
from redis.asyncio import Redis

from adapters.postgres.lock import PostgresJobLock
from adapters.postgres.storage import Pool, PostgresStore, create_pool
from adapters.redis.client import create_redis
from adapters.redis.lock import RedisJobLock
from runners.jobs import Job, JobRunner, make_job_lock
from tarot_domain.model.errors import ErrorKind, TarotError

pytestmark = pytest.mark.contract


class Work:
    """A job body that records how many runs are inside it at once."""

    def __init__(self, seconds: float = 0.2) -> None:
        self.seconds = seconds
        self.runs = 0
        self.active = 0
        self.most = 0
        self.inside = asyncio.Event()
        self.release: asyncio.Event | None = None

    async def __call__(self) -> dict[str, int]:
        self.runs += 1
        self.active += 1
        self.most = max(self.most, self.active)
        self.inside.set()
        try:
            if self.release is not None:
                await self.release.wait()
            else:
                await asyncio.sleep(self.seconds)
        finally:
            self.active -= 1
        return {"runs": 1}


def runner(work: Work, lock: object, name: str = "race", ttl: float = 5.0) -> JobRunner:
    return JobRunner([Job(name, 60.0, work, lock_ttl=ttl)], lock)  # type: ignore[arg-type]


async def race(work: Work, first: JobRunner, second: JobRunner) -> list[Any]:
    """Both runners try at once; the winner's job waits until the loser has answered, so however slowly
    either connection comes up, the two runs overlap and exactly one may hold the lock."""
    work.release = asyncio.Event()
    tasks = [asyncio.create_task(first.run_now("race")), asyncio.create_task(second.run_now("race"))]
    done, _ = await asyncio.wait(tasks, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    assert len(done) == 1, "the winner finished before being released"
    work.release.set()
    return [await task for task in tasks]


@asynccontextmanager
async def pool(url: str, size: int = 3, wait: float = 5.0) -> AsyncIterator[Pool]:
    opened = create_pool(url, min_size=1, max_size=size, timeout=wait)
    await opened.open(wait=True)
    try:
        yield opened
    finally:
        await opened.close()


@asynccontextmanager
async def redis(url: str) -> AsyncIterator[Redis]:
    client = create_redis(url)
    try:
        yield client
    finally:
        await client.aclose()


async def advisory_holders(url: str, key: str) -> list[int]:
    """Backend pids holding the advisory lock on `key` (an int8 key is split into classid/objid)."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        cursor = await conn.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            " AND classid = ((hashtext(%(k)s)::bigint >> 32) & 4294967295)::oid"
            " AND objid = (hashtext(%(k)s)::bigint & 4294967295)::oid",
            {"k": key},
        )
        return [row[0] for row in await cursor.fetchall()]


# ------------------------------------------------------------------------------------------ Postgres


async def test_postgres_two_processes_race_and_exactly_one_runs(pg_url: str, lock_namespace: str) -> None:
    work = Work()
    async with pool(pg_url) as one, pool(pg_url) as two:
        first = runner(work, PostgresJobLock(one, namespace=lock_namespace))
        second = runner(work, PostgresJobLock(two, namespace=lock_namespace))
        reports = await race(work, first, second)
        assert sorted(r.outcome for r in reports) == ["ok", "skipped"]
        assert (work.runs, work.most) == (1, 1)
        assert await advisory_holders(pg_url, f"{lock_namespace}race") == []  # released after the run
        assert (await second.run_now("race")).outcome == "ok"
        assert (await first.run_now("race")).outcome == "ok"


async def test_postgres_lock_is_released_when_the_job_fails(pg_url: str, lock_namespace: str) -> None:
    async def boom() -> dict[str, int]:
        raise RuntimeError("boom")

    async with pool(pg_url) as one, pool(pg_url) as two:
        failing = JobRunner([Job("j", 60.0, boom)], PostgresJobLock(one, namespace=lock_namespace))
        assert (await failing.run_now("j")).outcome == "failed"
        work = Work(0.0)
        assert (
            await runner(work, PostgresJobLock(two, namespace=lock_namespace), "j").run_now("j")
        ).outcome == "ok"


async def test_postgres_lock_of_a_holder_whose_session_died_is_free(pg_url: str, lock_namespace: str) -> None:
    stuck, other = Work(), Work(0.0)
    stuck.release = asyncio.Event()
    async with pool(pg_url) as one, pool(pg_url) as two:
        holder = runner(stuck, PostgresJobLock(one, namespace=lock_namespace))
        contender = runner(other, PostgresJobLock(two, namespace=lock_namespace))
        held = asyncio.create_task(holder.run_now("race"))
        await asyncio.wait_for(stuck.inside.wait(), 5)
        assert (await contender.run_now("race")).outcome == "skipped"
        [pid] = await advisory_holders(pg_url, f"{lock_namespace}race")
        async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as admin:
            # the holder's process "dies"; waiting (up to 5 s) until it is gone, as its lock goes with it
            await admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))
        assert (await contender.run_now("race")).outcome == "ok"
        stuck.release.set()
        assert (await held).outcome == "ok"  # its unlock failed; the broken connection was discarded
        assert (await holder.run_now("race")).outcome == "ok"  # and its pool still works


async def test_postgres_lock_connection_goes_back_to_the_pool_unlocked(
    pg_url: str, lock_namespace: str
) -> None:
    async with pool(pg_url, size=1, wait=0.5) as only:
        work = Work(0.0)
        lock = PostgresJobLock(only, namespace=lock_namespace)
        assert (await runner(work, lock).run_now("race")).outcome == "ok"
        async with only.connection() as conn:
            cursor = await conn.execute(
                "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
            )
            row = await cursor.fetchone()
        assert row is not None and row["n"] == 0
        async with lock.hold("race", 1) as held:
            assert held
            with pytest.raises(TarotError) as caught:  # the holding has the only connection
                async with lock.hold("other", 1):
                    pass
            assert caught.value.kind is ErrorKind.DATABASE and caught.value.retryable


async def test_the_factory_prefers_postgres_then_redis(pg_url: str, redis_url: str) -> None:
    async with pool(pg_url) as opened, redis(redis_url) as client:
        assert isinstance(make_job_lock(client, PostgresStore(opened)), PostgresJobLock)
        assert isinstance(make_job_lock(client, None), RedisJobLock)


# ------------------------------------------------------------------------------------------ Redis


async def test_redis_two_processes_race_and_exactly_one_runs(redis_url: str, redis_prefix: str) -> None:
    work = Work()
    async with redis(redis_url) as one, redis(redis_url) as two:
        first = runner(work, RedisJobLock(one, prefix=redis_prefix))
        second = runner(work, RedisJobLock(two, prefix=redis_prefix))
        reports = await race(work, first, second)
        assert sorted(r.outcome for r in reports) == ["ok", "skipped"]
        assert (work.runs, work.most) == (1, 1)
        assert await one.exists(f"{redis_prefix}race") == 0
        assert (await second.run_now("race")).outcome == "ok"


async def test_redis_lock_of_a_dead_holder_expires(redis_url: str, redis_prefix: str) -> None:
    async with redis(redis_url) as one, redis(redis_url) as two:
        dead, alive = RedisJobLock(one, prefix=redis_prefix), RedisJobLock(two, prefix=redis_prefix)
        assert await dead.acquire("j", 0.3) is not None  # and its process dies: nobody releases it
        async with alive.hold("j", 5) as held:
            assert not held
        await asyncio.sleep(0.45)
        async with alive.hold("j", 5) as held:
            assert held


async def test_redis_lock_only_its_owner_releases_it(redis_url: str, redis_prefix: str) -> None:
    async with redis(redis_url) as one, redis(redis_url) as two:
        owner, other = RedisJobLock(one, prefix=redis_prefix), RedisJobLock(two, prefix=redis_prefix)
        token = await owner.acquire("j", 5)
        assert token is not None
        assert not await other.release("j", "not-the-token")
        assert not await other.renew("j", "not-the-token", 60)
        assert await two.get(f"{redis_prefix}j") == token.encode()
        assert await owner.release("j", token)
        assert await two.exists(f"{redis_prefix}j") == 0


async def test_redis_a_stale_holder_cannot_release_its_successors_lock(
    redis_url: str, redis_prefix: str
) -> None:
    async with redis(redis_url) as one, redis(redis_url) as two:
        stale, successor = RedisJobLock(one, prefix=redis_prefix), RedisJobLock(two, prefix=redis_prefix)
        old = await stale.acquire("j", 0.2)
        await asyncio.sleep(0.3)
        new = await successor.acquire("j", 5)
        assert old is not None and new is not None
        assert not await stale.release("j", old)
        assert await two.get(f"{redis_prefix}j") == new.encode()


async def test_redis_lock_is_renewed_while_a_long_job_runs(redis_url: str, redis_prefix: str) -> None:
    work = Work(1.0)
    async with redis(redis_url) as one, redis(redis_url) as two:
        holder = runner(work, RedisJobLock(one, prefix=redis_prefix), ttl=0.3)
        contender = RedisJobLock(two, prefix=redis_prefix)
        held = asyncio.create_task(holder.run_now("race"))
        await asyncio.wait_for(work.inside.wait(), 2)
        for _ in range(3):  # well past the ttl: the watchdog keeps the lock
            await asyncio.sleep(0.25)
            assert await contender.acquire("race", 5) is None
        assert (await held).outcome == "ok"
        assert await two.exists(f"{redis_prefix}race") == 0
