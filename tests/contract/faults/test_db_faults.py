"""The stores fail under load and come back: no credit is lost or taken twice, and we recover in process.

- Postgres: every backend of ours is terminated again and again while concurrent readings run
  (`pg_terminate_backend` by application_name: from the client's side exactly what a server restart
  looks like, and it leaves every other session alone); then a real `pg_ctl restart -m fast` of a
  throwaway server of our own, mid-load.
- Redis: our own throwaway redis-server is stopped mid-load and started again.

Every request either succeeds or fails with a retryable TarotError(DATABASE); afterwards the pool
serves again without restarting anything (stale connections fail at most once each), and the ledger
check passes once the sweeper has released the holds of the requests that failed half way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import psycopg
import pytest
from crash_worker import OffsetClock
from echo_interpreter import EchoInterpreter
from faults_support import admin_check

from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from adapters.postgres.migrations import migrate_database
from adapters.postgres.storage import PostgresStore, open_store
from adapters.redis import RedisDeduplicator, RedisRateLimiter, RedisSessionStore, create_redis
from adapters.system.clock import SystemClock
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    TransferKind,
    TransferRequest,
    TransferState,
    user_account,
)
from tarot_domain.model.users import Preferences, User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_ports.interpreter import InterpretationRequest
from tarot_ports.rate_limit import RateLimit

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from conftest import FaultDb
    from servers import ThrowawayPostgres

pytestmark = pytest.mark.contract

POOL = 8
USERS = 20
START = 10_000
TTL = 600


def _quick(request: InterpretationRequest) -> float:
    """5-15 ms per reading, varied by the question so the readings interleave differently."""
    return 0.005 + (sum(map(ord, request.question)) % 11) / 1000


def reading_service(uow: Any, seed: int = 7) -> ReadingService:
    services = Services(uow=uow, clock=SystemClock(), random=SeededRandom(seed))
    quick = EchoInterpreter("quick", _quick)
    return ReadingService(services, quick, quick)


def outcome(error: BaseException | None) -> str:
    """ok, retryable (a retryable DATABASE error), or what else happened (which fails the test)."""
    if error is None:
        return "ok"
    if isinstance(error, TarotError) and error.kind is ErrorKind.DATABASE and error.retryable:
        return "retryable"
    return f"unexpected: {error!r}"


async def attempt(readings: ReadingService, user: str, key: str) -> str:
    try:
        await readings.request_reading(ReadingRequest(user, "single", f"Question {key}?", key))
    except Exception as error:
        return outcome(error)
    return "ok"


async def seed(store: PostgresStore) -> None:
    now = datetime.now(UTC)
    async with store.uow() as uow:
        for i in range(USERS):
            await uow.users.add(User(f"u{i}", f"api:faults:u{i}", Preferences(language="en"), now, now))
            grant = TransferRequest(
                f"seed:{i}", ISSUANCE_GRANTS, user_account(f"u{i}"), START, TransferKind.GRANT
            )
            await uow.ledger.submit(grant, now)
        await uow.commit()


async def load(readings: ReadingService, tag: str, count: int, concurrency: int) -> Counter[str]:
    gate = asyncio.Semaphore(concurrency)

    async def one(i: int) -> str:
        async with gate:
            return await attempt(readings, f"u{i % USERS}", f"{tag}-{i}")

    return Counter(await asyncio.gather(*(one(i) for i in range(count))))


async def load_until(
    readings: ReadingService, tag: str, stop: asyncio.Event, concurrency: int
) -> Counter[str]:
    """`concurrency` clients sending readings back to back until `stop` is set: load that lasts as long
    as the fault does, however fast or slow the machine is."""
    seen: Counter[str] = Counter()

    async def client(c: int) -> None:
        i = 0
        while not stop.is_set():
            seen[await attempt(readings, f"u{(c + i) % USERS}", f"{tag}-{c}-{i}")] += 1
            i += 1

    await asyncio.gather(*(client(c) for c in range(concurrency)))
    return seen


async def recover(readings: ReadingService, tag: str) -> int:
    """Sequential readings as a client retrying on retryable errors would send them. Returns how many
    attempts failed before the pool served again; then 20 readings in a row must succeed first time."""
    failures = 0
    for i in range(POOL + 5):
        result = await attempt(readings, f"u{i % USERS}", f"{tag}-retry-{i}")
        if result == "ok":
            break
        assert result == "retryable", result
        failures += 1
        await asyncio.sleep(0.1)
    else:
        pytest.fail(f"no reading succeeded after {failures} attempts: the pool did not recover")
    for i in range(20):
        assert await attempt(readings, f"u{i % USERS}", f"{tag}-after-{i}") == "ok"
    return failures


async def assert_every_credit_accounted_for(store: PostgresStore, url: str) -> None:
    """Sweep with the clock past every hold's expiry, then: the ledger's invariants, each stored
    reading's hold captured and each captured hold's reading stored, and the CLI's own check."""
    later = Services(uow=store.uow, clock=OffsetClock(TTL + 5), random=SeededRandom(1))
    await CreditService(later).sweep()
    report = await CreditService(later).check()
    assert report.ok and report.pending == 0, report.violations
    async with store.uow() as uow:
        for i in range(USERS):
            readings = await uow.readings.list_for_user(f"u{i}", limit=10_000)
            for reading in readings:
                hold = await uow.ledger.get(reading.hold_id or "")
                assert hold is not None and hold.state is TransferState.POSTED, (reading.id, hold)
            balance = await uow.ledger.balance(user_account(f"u{i}"))
            assert balance.posted == START - sum(r.cost for r in readings), (
                f"u{i}: a charge without a reading"
            )
    cli = admin_check(url)
    assert cli["ok"] is True, cli


# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault_db", ["postgres"], indirect=True)
async def test_connections_terminated_under_load(fault_db: FaultDb) -> None:
    app = f"tarot-faults-{uuid.uuid4().hex[:8]}"
    async with open_store(
        f"{fault_db.url}&application_name={app}", min_size=POOL, max_size=POOL, pool_timeout=5
    ) as store:
        await store.pool.wait()
        await seed(store)
        readings = reading_service(store.uow)
        stop = asyncio.Event()
        terminated = 0

        async def storm() -> None:
            nonlocal terminated
            async with await psycopg.AsyncConnection.connect(fault_db.url, autocommit=True) as admin:
                while not stop.is_set():
                    cur = await admin.execute(
                        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                        " WHERE application_name = %s",
                        (app,),
                    )
                    row = await cur.fetchone()
                    terminated += int(row[0]) if row else 0
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), 0.04)

        killer = asyncio.create_task(storm())
        try:
            outcomes = await load(readings, "storm", count=400, concurrency=40)
        finally:
            stop.set()
            await killer
        assert set(outcomes) <= {"ok", "retryable"}, outcomes
        assert terminated > 0 and outcomes["retryable"] > 0, (terminated, outcomes)  # the storm did hit
        assert outcomes["ok"] > 0, outcomes
        # One last round while every connection sits idle in the pool: a restart between requests.
        async with await psycopg.AsyncConnection.connect(fault_db.url, autocommit=True) as admin:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", (app,)
            )
        assert await recover(readings, "storm") <= POOL  # each stale connection fails once
        await assert_every_credit_accounted_for(store, fault_db.url)


async def test_a_real_postgres_restart_under_load(own_postgres: ThrowawayPostgres) -> None:
    await migrate_database(own_postgres.url)
    async with open_store(own_postgres.url, min_size=POOL, max_size=POOL, pool_timeout=5) as store:
        await store.pool.wait()
        await seed(store)
        readings = reading_service(store.uow)
        stop = asyncio.Event()
        running = asyncio.create_task(load_until(readings, "restart", stop, concurrency=20))
        await asyncio.sleep(0.3)
        await asyncio.to_thread(own_postgres.restart)
        await asyncio.sleep(1.0)  # the load goes on past the restart, into the pool's reconnection
        stop.set()
        outcomes = await running
        assert set(outcomes) <= {"ok", "retryable"}, outcomes
        stats = store.pool.get_stats()
        # The restart was felt: a reading in flight failed retryably, or the pool had to connect anew
        # (readings that were waiting for a connection then simply succeed on a fresh one).
        reconnected = stats.get("connections_num", 0) > POOL
        assert outcomes["ok"] > 0 and (outcomes["retryable"] > 0 or reconnected), (outcomes, stats)
        assert await recover(readings, "restart") <= POOL
        await assert_every_credit_accounted_for(store, own_postgres.url)


# ---------------------------------------------------------------------------------------------------


async def test_redis_stopped_and_started_under_load(
    own_redis_server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """The documented degradation: the limiter fails open (one warning), sessions and de-duplication
    raise retryable DATABASE errors, readings go on (the ledger guards credits, not Redis); then
    everything works again once Redis is back, without a new client."""
    client = create_redis(own_redis_server.url)  # production timeouts: every call bounded by ~1 s
    limiter, sessions, dedup = RedisRateLimiter(client), RedisSessionStore(client), RedisDeduplicator(client)
    store = MemoryStore()
    now = datetime.now(UTC)
    async with store.uow() as uow:
        await uow.users.add(User("r1", "api:faults:r1", Preferences(language="en"), now, now))
        await uow.ledger.submit(
            TransferRequest("seed", ISSUANCE_GRANTS, user_account("r1"), 10**9, TransferKind.GRANT), now
        )
        await uow.commit()
    readings = reading_service(store.uow)
    loose = RateLimit(rate=10**6, period=1, burst=10**6)
    seen: dict[str, Counter[str]] = {"up": Counter(), "down": Counter(), "back": Counter()}
    phase = "up"
    go, stop, idle = asyncio.Event(), asyncio.Event(), asyncio.Event()
    idle.set()
    busy = 0  # workers inside an update: phases change only between updates, so each call has one phase

    async def call(name: str, work: Any) -> None:
        started = time.monotonic()
        try:
            result = await work
        except Exception as error:
            seen[phase][f"{name}:{outcome(error)}"] += 1
        else:
            seen[phase][f"{name}:{'allowed' if name == 'limit' and result.allowed else 'ok'}"] += 1
        assert time.monotonic() - started < 3, f"{name} hung on a dead Redis"

    async def worker(w: int) -> None:
        nonlocal busy
        i = 0
        while not stop.is_set():  # one bot update: de-duplicate, load the dialog, limit, read, save
            await go.wait()
            busy += 1
            idle.clear()
            i += 1
            key = f"w{w}-{i}"
            await call("dedup", dedup.first_time("updates", key, 60))
            await call("session", sessions.load(f"chat{w}"))
            await call("limit", limiter.check(f"user:{w}", loose))
            await call("reading", readings.request_reading(ReadingRequest("r1", "single", "Question?", key)))
            await call("session", sessions.save(f"chat{w}", {"step": "done", "n": i}))
            busy -= 1
            if not busy:
                idle.set()
            await asyncio.sleep(0.005)

    async def between_updates(change: Any, new_phase: str) -> None:
        nonlocal phase
        go.clear()
        await idle.wait()
        await asyncio.to_thread(change)
        phase = new_phase
        go.set()

    with caplog.at_level(logging.WARNING, logger="adapters.redis"):
        go.set()
        workers = [asyncio.create_task(worker(w)) for w in range(8)]
        try:
            await asyncio.sleep(0.4)
            await between_updates(own_redis_server.stop, "down")
            await asyncio.sleep(1.0)
            await between_updates(own_redis_server.start, "back")  # the same port
            await asyncio.sleep(0.6)
        finally:
            stop.set()
            go.set()
            await asyncio.gather(*workers)

    assert set(seen["up"]) == {"dedup:ok", "session:ok", "limit:allowed", "reading:ok"}, seen["up"]
    down = seen["down"]
    assert set(down) == {"dedup:retryable", "session:retryable", "limit:allowed", "reading:ok"}, down
    assert any("failing open" in r.getMessage() for r in caplog.records if r.name == "adapters.redis")
    # Back up: stale pooled connections are replaced on checkout, so nothing should fail any more.
    assert set(seen["back"]) <= {"dedup:ok", "session:ok", "limit:allowed", "reading:ok"}, seen["back"]
    strict = RateLimit(rate=1, period=60, burst=1)
    assert (await limiter.check("strict", strict)).allowed
    assert not (await limiter.check("strict", strict)).allowed, "the limiter is enforcing again"
    assert await dedup.first_time("updates", "final", 60) and not await dedup.first_time(
        "updates", "final", 60
    )
    await sessions.save("final", {"ok": True})
    assert await sessions.load("final") == {"ok": True}
    await client.aclose()


# ---------------------------------------------------------------------------------------------------


class LostAcknowledgement:
    """A unit of work whose `nth` commit (counted across the factory) reaches the store, but whose
    acknowledgement is lost: the caller sees the retryable DATABASE error a dropped connection gives."""

    def __init__(self, inner: Any, counter: list[int], nth: int) -> None:
        self._inner, self._counter, self._nth = inner, counter, nth

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def __aenter__(self) -> LostAcknowledgement:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._inner.__aexit__(*exc)

    async def commit(self) -> None:
        self._counter[0] += 1
        await self._inner.commit()
        if self._counter[0] == self._nth:
            raise TarotError(ErrorKind.DATABASE, "server closed the connection unexpectedly", retryable=True)


async def test_a_lost_commit_acknowledgement_of_the_closing_transaction_still_answers() -> None:
    store = MemoryStore()
    counter = [0]
    now = datetime.now(UTC)
    async with store.uow() as uow:
        await uow.users.add(User("r1", "api:faults:r1", Preferences(language="en"), now, now))
        await uow.ledger.submit(
            TransferRequest("seed", ISSUANCE_GRANTS, user_account("r1"), 50, TransferKind.GRANT), now
        )
        await uow.commit()
    # Commit 1 is the hold, commit 2 the save whose acknowledgement is lost.
    readings = reading_service(lambda: LostAcknowledgement(store.uow(), counter, nth=2))
    try:
        result = await readings.request_reading(ReadingRequest("r1", "single", "Question?", "k1"))
    finally:  # whatever the answer, the ledger is right: charged once, the reading stored
        async with store.uow() as uow:
            assert (await uow.ledger.balance(user_account("r1"))).posted == 45
            assert await uow.readings.count_for_user("r1") == 1
    assert result.charged == 5 and not result.replayed
