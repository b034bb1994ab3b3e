"""End-to-end readings under load: our two short transactions against one held open across the LLM.

Every reading goes through the real `ReadingService.request_reading` on Postgres, preceded by the two
Redis rate-limit checks the web API makes per reading (`RedisRateLimiter`, generous limits so every
check is the allowed path: a script run and a write). The interpreter is a fake that sleeps for a
configurable latency (0 ms, 500 ms, 2 s by default), standing in for the LLM. Each cell of the grid
(latency x concurrency) is capped by a number of readings, not by time, so the slow cells stay short:
every one of `concurrency` workers does the same number of readings (rounds), at least 2, at most
ceil(--readings / concurrency), and for a slow interpreter at most --budget / latency. The naive design
stops issuing readings after --naive-seconds (it fails most of them anyway; see below).

Per cell, for our design and for the naive one (one transaction, one pooled connection, held across the
interpreter call; it calls the same repository methods, so it runs the same statements):
- readings/s, and errors by kind (the naive design runs out of pool and fails with PoolTimeout: its
  open transaction also keeps the hot `revenue:readings` balance row locked across the interpreter
  call, so naive readings run one at a time whatever the pool size);
- p50/p95/p99 latency minus the interpreter's nominal time, i.e. our overhead (queueing included);
- peak RSS of this process during the cell (VmHWM, reset per cell through /proc/self/clear_refs) and
  `ru_maxrss` (the process's lifetime peak, from resource.getrusage);
- interpreter calls made while their own request held a pooled connection (0 is the claim "a reading
  in flight holds no database connection", checked on every call);
- connection time per reading served (summed checkout time of every unit of work / readings served);
- the most pooled connections checked out at once (counted exactly around every unit of work), the
  most of our backends that Postgres saw busy (sampled from pg_stat_activity by application_name),
  and the most readings waiting on the interpreter at once;
- rate-limiter checks that failed open (Redis did not answer in time).

The database limit is pgbench running the same statements with the same two commits per reading
(generated from the adapter's own SQL) with as many clients as the pool has connections. The JSON
gives ours/naive, ours/database-limit and ours/ceiling, where the ceiling is the lower of the database
limit and concurrency / latency (what an infinitely fast service could do with that many in flight).

    python bench/pipeline.py              # the full grid, a few minutes
    python bench/pipeline.py --quick      # about a minute
    python bench/pipeline.py --latencies 2 --concurrency 1024 --no-naive

Postgres comes from --database-url, TEST_DATABASE_URL, DATABASE_URL, then
postgresql://postgres@127.0.0.1:5432/test; Redis from --redis-url, REDIS_URL, then
redis://127.0.0.1:6379/15. Everything happens in a throwaway schema and under a throwaway key prefix,
both removed at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import contextvars
import json
import math
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.postgres import storage as pg_storage
from adapters.postgres.migrations import migrate_database
from adapters.postgres.storage import PostgresStore, open_store
from adapters.redis.client import create_redis
from adapters.redis.rate_limit import RedisRateLimiter
from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import draw_cards
from tarot_domain.model.errors import TarotError
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    REVENUE_READINGS,
    TransferKind,
    TransferRequest,
    user_account,
)
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.model.spreads import get_spread
from tarot_domain.model.users import Preferences, User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_ports.interpreter import InterpretationRequest, OnDelta
from tarot_ports.rate_limit import RateLimit
from tarot_ports.storage import UnitOfWork, UnitOfWorkFactory

SPREAD = "three"
USERS = 512  # concurrent readings spread over many balances, as real traffic is; revenue stays one hot row
GRANT = 10**12
# The web API's two checks per reading, loosened so that every check takes the allowed (writing) path.
LIMITS = (RateLimit(rate=10**6, period=1, burst=10**6), RateLimit(rate=10**6, period=1, burst=10**6))
TEXT = ("The cards speak of a turning: what was held too tightly loosens, and a new road opens. " * 24)[:2000]
CARDS_JSON = json.dumps(
    [
        {"position_id": p, "card_id": c, "reversed": r}
        for p, c, r in (
            ("past", "cups-02", False),
            ("present", "major-13-death", True),
            ("future", "wands-ace", False),
        )
    ]
)  # pgbench's stand-in for a three-card draw (", " and ": " separators: no `:name` for pgbench to see)
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"


# ---------------------------------------------------------------------------------------------------
# Instruments


HELD: contextvars.ContextVar[int] = contextvars.ContextVar("connections_held_by_this_task", default=0)


class Gauges:
    """Exact peaks of connections checked out and of readings waiting on the interpreter."""

    def __init__(self) -> None:
        self.conns = self.max_conns = 0
        self.conn_seconds = 0.0  # summed time connections spent checked out
        self.interpreting = self.max_interpreting = 0
        self.calls_holding = 0  # interpreter calls made while their own task held a connection

    def reset(self) -> None:
        self.max_conns = self.conns
        self.max_interpreting = self.interpreting
        self.conn_seconds = 0.0
        self.calls_holding = 0


class CountingUow:
    """Counts the connection from the moment the pool hands it over until it goes back."""

    def __init__(self, inner: UnitOfWork, gauges: Gauges) -> None:
        self._inner = inner
        self._gauges = gauges
        self._since = 0.0
        self._held: contextvars.Token[int] | None = None

    def __getattr__(self, name: str) -> Any:  # users, ledger, readings, payments, events
        return getattr(self._inner, name)

    async def __aenter__(self) -> Self:
        await self._inner.__aenter__()
        self._gauges.conns += 1
        self._gauges.max_conns = max(self._gauges.max_conns, self._gauges.conns)
        self._since = time.perf_counter()
        self._held = HELD.set(HELD.get() + 1)  # the caller's task context: visible to its interpreter call
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            await self._inner.__aexit__(exc_type, exc, tb)  # the rollback, if any, still holds it
        finally:
            self._gauges.conns -= 1
            self._gauges.conn_seconds += time.perf_counter() - self._since
            if self._held is not None:
                HELD.reset(self._held)

    async def commit(self) -> None:
        await self._inner.commit()


class SleepingInterpreter:
    """The LLM stand-in: waits `latency` seconds (asyncio.sleep), then returns a 2 KB reading."""

    def __init__(self, latency: float, gauges: Gauges) -> None:
        self.latency = latency
        self._gauges = gauges

    @property
    def name(self) -> str:
        return "bench-sleep"

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        g = self._gauges
        g.interpreting += 1
        g.max_interpreting = max(g.max_interpreting, g.interpreting)
        g.calls_holding += HELD.get() > 0
        try:
            await asyncio.sleep(self.latency)
        finally:
            g.interpreting -= 1
        return Interpretation(text=TEXT, interpreter=self.name, model="sleep", completion_tokens=400)

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        raise NotImplementedError


class CountingWarning:
    """Replaces the limiter's throttled warning to count every fail-open, then logs as before."""

    def __init__(self, inner: Callable[[BaseException], None]) -> None:
        self._inner = inner
        self.count = 0

    def __call__(self, exc: BaseException) -> None:
        self.count += 1
        self._inner(exc)


def reset_peak_rss() -> bool:
    """Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) so each cell reports its own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def ru_maxrss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


async def sample_backends(url: str, app: str, stop: asyncio.Event, peak: list[int]) -> None:
    """Polls pg_stat_activity (on its own connection, under another name) for our busy backends."""
    async with await psycopg.AsyncConnection.connect(
        url, autocommit=True, application_name="bench-sampler"
    ) as c:
        while not stop.is_set():
            cur = await c.execute(
                "SELECT count(*) FILTER (WHERE state <> 'idle'), count(*) FROM pg_stat_activity"
                " WHERE application_name = %s",
                (app,),
            )
            row = await cur.fetchone()
            if row is not None:
                peak[0] = max(peak[0], int(row[0]))
                peak[1] = max(peak[1], int(row[1]))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.02)


def percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None, "p99": None, "max": None}
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)] * 1000, 2)

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "max": round(ordered[-1] * 1000, 2)}


# ---------------------------------------------------------------------------------------------------
# The two designs


class Bench:
    def __init__(self, store: PostgresStore, limiter: RedisRateLimiter, gauges: Gauges, run: str) -> None:
        self.store = store
        self.limiter = limiter
        self.gauges = gauges
        self.run = run
        self.clock = SystemClock()
        self.random = SecretsRandom()
        self.spread = get_spread(SPREAD)

    def uow(self) -> UnitOfWork:
        return CountingUow(self.store.uow(), self.gauges)

    async def limit(self, user: str) -> None:
        for scope, rule in zip(("api", "readings"), LIMITS, strict=True):
            await self.limiter.check(f"web:{scope}:bench:{user}", rule)

    def ours(self, interpreter: SleepingInterpreter) -> Callable[[str, str], Awaitable[None]]:
        factory: UnitOfWorkFactory = self.uow
        service = ReadingService(
            Services(uow=factory, clock=self.clock, random=self.random), interpreter, interpreter
        )

        async def reading(user: str, key: str) -> None:
            await self.limit(user)
            await service.request_reading(ReadingRequest(user, SPREAD, "What should I focus on today?", key))

        return reading

    def naive(self, interpreter: SleepingInterpreter) -> Callable[[str, str], Awaitable[None]]:
        """The design DESIGN §4 rejects: the same repository calls as ReadingService makes, in ONE
        transaction on ONE pooled connection that stays checked out while the interpreter works."""
        spread = self.spread

        async def reading(user: str, key: str) -> None:
            await self.limit(user)
            async with self.uow() as uow:
                account = user_account(user)
                found = await uow.users.get(user)
                assert found is not None
                if await uow.readings.get_by_key(user, key) is not None:
                    return
                hold_id = f"reading:{user}:{key}#1"
                await uow.ledger.get(hold_id)
                now = self.clock.now()
                await uow.ledger.submit(
                    TransferRequest(
                        hold_id, account, REVENUE_READINGS, spread.cost, TransferKind.READING,
                        reference=f"reading:{user}:{key}", pending=True,
                    ),
                    now,
                )  # fmt: skip
                cards = draw_cards(
                    catalogue().ids, [p.id for p in spread.positions], self.random, reversals=True
                )
                request = InterpretationRequest(
                    spread.id, "rider-waite", "en", "What should I focus on today?", cards, ()
                )
                interpretation = await interpreter.interpret(request)  # the connection waits here
                now = self.clock.now()
                await uow.ledger.get(hold_id)
                await uow.ledger.post(hold_id, now)
                await uow.readings.add(
                    Reading(
                        id=self.random.token(16), user_id=user, idempotency_key=key, spread_id=spread.id,
                        deck_id="rider-waite", language="en", question="What should I focus on today?",
                        cards=cards, interpretation=interpretation, created_at=now, cost=spread.cost,
                        hold_id=hold_id,
                    )
                )  # fmt: skip
                await uow.ledger.balance(account)
                await uow.commit()

        return reading


async def run_cell(
    bench: Bench,
    design: str,
    latency: float,
    concurrency: int,
    total: int,
    deadline_s: float,
    url: str,
    app: str,
    fail_open: CountingWarning,
) -> dict[str, Any]:
    interpreter = SleepingInterpreter(latency, bench.gauges)
    reading = bench.ours(interpreter) if design == "ours" else bench.naive(interpreter)
    overheads: list[float] = []
    errors: Counter[str] = Counter()
    issued = 0
    cut = False
    tag = f"{bench.run}-{design}-{int(latency * 1000)}-{concurrency}"
    bench.gauges.reset()
    fail_open_before = fail_open.count
    rss_reset = reset_peak_rss()
    stop = asyncio.Event()
    backend_peak = [0, 0]
    sampler = asyncio.create_task(sample_backends(url, app, stop, backend_peak))
    started = time.perf_counter()
    give_up = started + deadline_s

    async def worker(w: int) -> None:
        nonlocal issued, cut
        while issued < total:
            if time.perf_counter() > give_up:
                cut = True
                return
            n = issued
            issued += 1
            user = f"b{(w * 7 + n) % USERS}"
            t0 = time.perf_counter()
            try:
                await reading(user, f"{tag}-{n}")
            except TarotError as error:
                errors[f"{error.kind.value}{'(retryable)' if error.retryable else ''}"] += 1
                continue
            overheads.append(time.perf_counter() - t0 - latency)

    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    elapsed = time.perf_counter() - started
    stop.set()
    await sampler
    return {
        "readings": issued,
        "ok": len(overheads),
        "errors": dict(errors),
        "cut_by_deadline": cut,
        "wall_s": round(elapsed, 2),
        "readings_per_s": round(len(overheads) / elapsed, 1),
        "overhead_ms": percentiles(overheads),
        "conn_ms_per_reading": round(bench.gauges.conn_seconds * 1000 / max(1, len(overheads)), 2),
        "max_conns_checked_out": bench.gauges.max_conns,
        "max_backends_busy": backend_peak[0],
        "max_backends_open": backend_peak[1],
        "max_readings_in_interpreter": bench.gauges.max_interpreting,
        "interpreter_calls_holding_a_connection": bench.gauges.calls_holding,
        "peak_rss_mb": peak_rss_mb() if rss_reset else None,
        "ru_maxrss_mb": ru_maxrss_mb(),
        "rate_limiter_fail_open": fail_open.count - fail_open_before,
    }


# ---------------------------------------------------------------------------------------------------
# Setup


@contextlib.asynccontextmanager
async def throwaway_schema(url: str) -> AsyncIterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute(f"CREATE SCHEMA {schema}")  # a generated identifier
    try:
        await migrate_database(url, schema)
        yield schema
    finally:
        async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA {schema} CASCADE")


async def seed(store: PostgresStore) -> None:
    now = datetime.now(UTC)
    async with store.uow() as uow:
        for i in range(USERS):
            user = User(f"b{i}", f"api:bench:b{i}", Preferences(language="en"), now, now)
            await uow.users.add(user)
            grant = TransferRequest(
                f"seed-{i}", ISSUANCE_GRANTS, user_account(user.id), GRANT, TransferKind.GRANT
            )
            await uow.ledger.submit(grant, now)
        await uow.commit()


def with_app_name(url: str, app: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}application_name={app}"


# ---------------------------------------------------------------------------------------------------
# pgbench: the same statements, generated from the adapter's SQL, two commits per reading.
# Parameters become SQL expressions over pgbench variables. pgbench reads `:name` as a variable even
# inside string literals, so literals with a colon are built with chr(58).

_C = "chr(58)"
_PARAMS = {
    "id": "('h' || :n)",
    "debit": f"('user' || {_C} || 'b' || :u)",
    "credit": f"('revenue' || {_C} || 'readings')",
    "amount": "{cost}",
    "requested": "{cost}",
    "kind": "'reading'",
    "reference": "('r' || :n)",
    "state": "'pending'",
    "created_at": "now()",
    "expires_at": "(now() + interval '10 minutes')",
    "balancing": "false",
    "d_posted": "0",
    "d_pending_out": "{cost}",
    "c_posted": "0",
    "c_pending_in": "{cost}",
    "target": "'posted'",
    "now": "now()",
    "posts": "true",
}


def _bind(query: str, **extra: str) -> str:
    values = {**_PARAMS, **extra}
    bound = re.sub(r"%\((\w+)\)s", lambda m: values[m.group(1)], query)
    assert "%(" not in bound and "%s" not in bound, bound
    return " ".join(bound.split()).replace("{cost}", str(get_spread(SPREAD).cost))


def pgbench_script() -> str:
    s = pg_storage
    user = "('b' || :u)"
    reading_insert = (
        f"INSERT INTO readings ({s._READING_COLUMNS}) VALUES (('r' || :n), {user}, ('k' || :n), '{SPREAD}',"
        " 'rider-waite', 'en', 'What should I focus on today?', '[]'::jsonb,"
        f" '{CARDS_JSON}'::jsonb,"
        f" '{TEXT}', 'bench-sleep', 'sleep', 0, 400, false, {get_spread(SPREAD).cost}, ('h' || :n), false,"
        " now()) ON CONFLICT DO NOTHING RETURNING id"
    )
    statements = [
        "BEGIN;",
        f"SELECT {s._USER_COLUMNS} FROM users WHERE id = {user};",
        f"{s._READING_SELECT} WHERE r.user_id = {user} AND r.idempotency_key = ('k' || :n);",
        f"SELECT {s._TRANSFER_COLUMNS} FROM transfers WHERE id = ('h' || :n);",
        _bind(s._SUBMIT_GUARDED) + ";",
        "COMMIT;",
        "BEGIN;",
        f"SELECT {s._TRANSFER_COLUMNS} FROM transfers WHERE id = ('h' || :n);",
        _bind(s._POST_ONE) + ";",
        reading_insert + ";",
        f"SELECT account, posted, pending_out, pending_in FROM balances WHERE account = ('user' || {_C} ||"
        " 'b' || :u);",
        "COMMIT;",
    ]
    head = [f"\\set u random(0, {USERS - 1})", "\\set n random(1, 999999999999999)"]
    return "\n".join(head + statements) + "\n"


def run_pgbench(url: str, schema: str, clients: int, seconds: float) -> dict[str, Any]:
    pgbench = shutil.which("pgbench")
    if pgbench is None:
        return {"skipped": "pgbench not on PATH"}
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(pgbench_script())
        path = f.name
    try:
        env = dict(os.environ, PGOPTIONS=f"-csearch_path={schema}")
        threads = str(min(clients, os.cpu_count() or 1))
        command = [pgbench, "-n", "-M", "prepared", "-c", str(clients), "-j", threads, "-r"]
        command += ["-T", str(max(1, round(seconds))), "-f", path, url]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=seconds + 60)
    finally:
        os.unlink(path)
    if done.returncode != 0:
        return {"error": done.stderr.strip()[-600:]}
    tps = re.search(r"tps = ([0-9.]+)", done.stdout)
    latency = re.search(r"latency average = ([0-9.]+) ms", done.stdout)
    failed = re.search(r"number of failed transactions: (\d+)", done.stdout)
    return {
        "clients": clients,
        "readings_per_s": float(tps.group(1)) if tps else None,
        "latency_avg_ms": float(latency.group(1)) if latency else None,
        "failed": int(failed.group(1)) if failed else 0,
    }


# ---------------------------------------------------------------------------------------------------


def plan(concurrency: int, latency: float, base: int, budget: float) -> int:
    """Whole rounds (every worker does the same number), so no half-empty last round skews the rate."""
    rounds = math.ceil(base / concurrency)
    if latency > 0:
        rounds = min(rounds, math.floor(budget / latency))
    return concurrency * max(2, rounds)


async def bench_all(args: argparse.Namespace, url: str, redis_url: str) -> dict[str, Any]:
    run = uuid.uuid4().hex[:8]
    app = f"tarot-bench-{run}"
    gauges = Gauges()
    redis = create_redis(redis_url)  # production settings: 64 connections, 1 s timeouts
    prefix = f"bench:{run}:ratelimit:"
    limiter = RedisRateLimiter(redis, prefix=prefix)
    fail_open = CountingWarning(limiter._warn)
    limiter._warn = fail_open  # type: ignore[assignment]  # count fail-opens; the bench's only intrusion
    cells: list[dict[str, Any]] = []
    database: dict[str, Any] = {}
    try:
        await limiter.load_script()
        async with throwaway_schema(url) as schema:
            async with open_store(
                with_app_name(url, app), schema=schema, min_size=args.pool, max_size=args.pool,
                pool_timeout=args.pool_timeout,
            ) as store:  # fmt: skip
                await store.pool.wait()
                await seed(store)
                bench = Bench(store, limiter, gauges, run)
                await run_cell(bench, "ours", 0, 10, 100, 60, url, app, fail_open)  # connections, statements
                for latency in args.latencies:
                    for concurrency in args.concurrency:
                        total = plan(concurrency, latency, args.readings, args.budget)
                        cell: dict[str, Any] = {
                            "latency_ms": round(latency * 1000),
                            "concurrency": concurrency,
                        }
                        designs = ("ours",) if args.no_naive else ("ours", "naive")
                        for design in designs:
                            cell[design] = await run_cell(
                                bench, design, latency, concurrency, total,
                                args.cell_seconds if design == "ours" else args.naive_seconds,
                                url, app, fail_open,
                            )  # fmt: skip
                            print(
                                f"{design:5} latency {latency * 1000:5.0f} ms  c {concurrency:5}: "
                                f"{cell[design]['readings_per_s']:8.1f}/s  errors {cell[design]['errors']}",
                                file=sys.stderr,
                            )
                        cells.append(cell)
            if not args.no_pgbench:
                levels = sorted({min(c, args.pool) for c in args.concurrency})
                for clients in levels:
                    result = await asyncio.to_thread(run_pgbench, url, schema, clients, args.pgbench_seconds)
                    database[str(clients)] = result
                    print(f"pgbench -c {clients}: {result}", file=sys.stderr)
    finally:
        keys = [k async for k in redis.scan_iter(match=f"{prefix}*", count=1000)]
        for i in range(0, len(keys), 500):
            await redis.delete(*keys[i : i + 500])
        await redis.aclose()
    for cell in cells:
        ours = cell["ours"]["readings_per_s"]
        if "naive" in cell and cell["naive"]["readings_per_s"]:
            cell["ratio_ours_to_naive"] = round(ours / cell["naive"]["readings_per_s"], 2)
        limit = database.get(str(min(cell["concurrency"], args.pool)), {}).get("readings_per_s")
        if limit:
            cell["ratio_ours_to_database_limit"] = round(ours / limit, 3)
            latency = cell["latency_ms"] / 1000
            ceiling = min(limit, cell["concurrency"] / latency) if latency > 0 else limit
            cell["ceiling_per_s"] = round(ceiling, 1)
            cell["ratio_ours_to_ceiling"] = round(ours / ceiling, 3)
    return {"cells": cells, "database_limit_pgbench": database}


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "python": platform.python_version(),
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],  # others' work on a shared box shows here
    }


def _reachable_pg(given: str | None) -> str:
    url = given or os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    url = url if url.startswith(("postgresql://", "postgres://")) else DEFAULT_PG
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        sys.exit(f"postgres does not answer at {url}: {exc}")
    return url


def _floats(raw: str) -> list[float]:
    return [float(x) for x in raw.split(",") if x]


def _ints(raw: str) -> list[int]:
    return [int(x) for x in raw.split(",") if x]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a ~1 minute subset (0 and 0.5 s; c 1, 64, 256)")
    parser.add_argument("--latencies", type=_floats, default=[0.0, 0.5, 2.0], help="seconds, e.g. 0,0.5,2")
    parser.add_argument("--concurrency", type=_ints, default=[1, 64, 1024], help="e.g. 1,64,1024")
    parser.add_argument("--readings", type=int, default=200, help="per-cell cap (see above)")
    parser.add_argument("--budget", type=float, default=4.0, help="interpreter seconds a slow cell aims at")
    parser.add_argument("--cell-seconds", type=float, default=60.0, help="stop issuing readings after this")
    parser.add_argument("--naive-seconds", type=float, default=15.0, help="the same, for the naive design")
    parser.add_argument("--pool", type=int, default=10, help="Postgres pool size (default 10)")
    parser.add_argument("--pool-timeout", type=float, default=10.0, help="seconds to wait for a connection")
    parser.add_argument("--pgbench-seconds", type=float, default=5.0)
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    parser.add_argument("--no-pgbench", action="store_true", help="skip the database limit")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--redis-url", default=None)
    args = parser.parse_args()
    if args.quick:
        args.latencies, args.concurrency = [0.0, 0.5], [1, 64, 256]
        args.readings, args.budget, args.pgbench_seconds, args.naive_seconds = 100, 2.0, 3.0, 8.0
    url = _reachable_pg(args.database_url)
    redis_url = args.redis_url or os.environ.get("REDIS_URL") or DEFAULT_REDIS
    started = time.perf_counter()
    results = asyncio.run(bench_all(args, url, redis_url))
    report = {
        "benchmark": "bench/pipeline.py",
        "argv": sys.argv[1:],
        "unit": "readings/s; overhead = latency minus the interpreter's nominal time",
        "machine": machine(),
        "settings": {
            "pool": args.pool,
            "pool_timeout_s": args.pool_timeout,
            "users": USERS,
            "spread": SPREAD,
            "readings_per_cell": "c * max(2, min(ceil(readings/c), floor(budget/latency)))",
            "naive_seconds": args.naive_seconds,
            "readings": args.readings,
            "budget_s": args.budget,
        },
        **results,
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
