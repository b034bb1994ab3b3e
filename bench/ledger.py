"""Readings per second through the storage layer, and what the same server does without Python.

Each reading is the reading flow's storage work with an instant interpreter: transaction A places the
hold (commit), transaction B stores the reading and posts the hold (commit). It runs on the memory,
SQLite and Postgres stores at concurrency 1 and 32. Then pgbench runs the same two transactions as
SQL (same statements, same commits) against the same server, plus a floor of two trivial commits, and
the JSON printed at the end gives the ratio of our Postgres rate to pgbench's.

    python bench/ledger.py [--seconds 4] [--database-url postgresql://...]

Postgres defaults to TEST_DATABASE_URL, DATABASE_URL, then postgresql://postgres@127.0.0.1:5432/test;
everything happens in a throwaway schema that is dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.memory.storage import MemoryStore
from adapters.postgres.migrations import migrate_database
from adapters.postgres.storage import PostgresStore, create_pool
from adapters.sqlite.storage import SqliteStore
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    REVENUE_READINGS,
    TransferKind,
    TransferRequest,
    user_account,
)
from tarot_domain.model.readings import Interpretation, Reading
from tarot_ports.storage import UnitOfWork

USERS = 64
COST = 5
CARDS = (DrawnCard("p1", "major-00-fool"), DrawnCard("p2", "cups-queen", True), DrawnCard("p3", "swords-10"))
TEXT = "The Fool sets out; the Queen of Cups, reversed, asks for care; the Ten of Swords ends a cycle."

UowFactory = Callable[[], UnitOfWork]


async def _seed(uow: UowFactory) -> None:
    now = datetime.now(UTC)
    async with uow() as u:
        for i in range(USERS):
            grant = TransferRequest(
                f"seed-{i}", ISSUANCE_GRANTS, user_account(f"b{i}"), 10**12, TransferKind.GRANT
            )
            await u.ledger.submit(grant, now)
        await u.commit()


async def _reading(uow: UowFactory, user: str, n: str) -> None:
    hold_id = f"reading:{user}:{n}#1"
    async with uow() as a:
        await a.ledger.submit(
            TransferRequest(
                hold_id,
                user_account(user),
                REVENUE_READINGS,
                COST,
                TransferKind.READING,
                reference=n,
                pending=True,
            ),
            datetime.now(UTC),
        )
        await a.commit()
    async with uow() as b:
        now = datetime.now(UTC)
        reading = Reading(
            id=n, user_id=user, idempotency_key=n, spread_id="three", deck_id="rider-waite", language="en",
            question="What should I know today?", cards=CARDS,
            interpretation=Interpretation(TEXT, "instant"), created_at=now, cost=COST, hold_id=hold_id,
        )  # fmt: skip
        await b.readings.add(reading)
        await b.ledger.post(hold_id, now)
        await b.commit()


async def _rate(uow: UowFactory, concurrency: int, seconds: float) -> float:
    stop = time.perf_counter() + seconds
    done = 0
    run = uuid.uuid4().hex[:6]

    async def worker(w: int) -> None:
        nonlocal done
        i = 0
        while time.perf_counter() < stop:
            await _reading(uow, f"b{(w * 7 + i) % USERS}", f"{run}-{w}-{i}")
            i += 1
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    return done / (time.perf_counter() - started)


# ---------------------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def _pg_schema(url: str) -> AsyncIterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute(f"CREATE SCHEMA {schema}")
    try:
        await migrate_database(url, schema)
        yield schema
    finally:
        async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA {schema} CASCADE")


async def bench_stores(url: str | None, levels: list[int], seconds: float) -> dict[str, Any]:
    results: dict[str, Any] = {}
    memory = MemoryStore()
    await _seed(memory.uow)
    results["memory"] = {str(c): round(await _rate(memory.uow, c, seconds), 1) for c in levels}

    with tempfile.TemporaryDirectory() as tmp:
        async with SqliteStore(Path(tmp) / "bench.sqlite3") as lite:
            await _seed(lite.uow)
            results["sqlite"] = {str(c): round(await _rate(lite.uow, c, seconds), 1) for c in levels}

    if url is not None:
        async with _pg_schema(url) as schema:
            pool = create_pool(url, schema=schema, min_size=max(levels), max_size=max(levels))
            await pool.open(wait=True)
            try:
                store = PostgresStore(pool)
                await _seed(store.uow)
                await _rate(store.uow, max(levels), 1.0)  # warm up: connections, prepared statements
                results["postgres"] = {str(c): round(await _rate(store.uow, c, seconds), 1) for c in levels}
            finally:
                await pool.close()
            results["pgbench"] = await asyncio.to_thread(_pgbench_all, url, schema, levels, seconds)
    return results


# ---------------------------------------------------------------------------------------------------
# pgbench: the same two transactions per reading as SQL, and a floor of two trivial commits.
# (pgbench reads `:name` as a variable even inside string literals, hence the `':'` concatenations.)

_SAME_SQL = """\\set u random(0, 63)
BEGIN;
SELECT 'h' || nextval('bench_ids') AS hid \\gset
WITH t AS (INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,
           expires_at, resolved_at, balancing)
           VALUES (:hid::text, 'user' || ':' || 'b' || :u::text, 'revenue' || ':' || 'readings', 5, 5,
                   'reading', :hid::text, 'pending', now(), now() + interval '10 minutes', NULL, false)
           ON CONFLICT (id) DO NOTHING RETURNING id),
d AS (UPDATE balances SET posted = posted + 0, pending_out = pending_out + 5
      WHERE account = 'user' || ':' || 'b' || :u::text AND posted - pending_out >= 5
            AND EXISTS (SELECT FROM t) RETURNING account),
c AS (INSERT INTO balances AS b (account, posted, pending_in)
      SELECT 'revenue' || ':' || 'readings', 0, 5 FROM d
      ON CONFLICT (account) DO UPDATE SET posted = b.posted + excluded.posted,
      pending_in = b.pending_in + excluded.pending_in RETURNING account)
SELECT (SELECT count(*) FROM t) AS claimed, (SELECT count(*) FROM c) AS moved;
COMMIT;
BEGIN;
INSERT INTO readings (id, user_id, idempotency_key, spread_id, deck_id, language, question, answers, cards,
    interpretation, interpreter, model, prompt_tokens, completion_tokens, cached, cost, hold_id, fallback,
    created_at)
VALUES (:hid::text, 'b' || :u::text, :hid::text, 'three', 'rider-waite', 'en', 'What should I know?', '[]',
    '[{"position_id":"p1","card_id":"major-00-fool","reversed": false}]', 'text', 'instant', NULL, 0, 0,
    false, 5, :hid::text, false, now()) ON CONFLICT DO NOTHING RETURNING id;
WITH t AS (UPDATE transfers SET state = 'posted', resolved_at = now()
           WHERE state = 'pending' AND id = :hid::text AND expires_at > now() RETURNING *),
moves AS (SELECT debit AS account, -amount AS posted, amount AS out, 0 AS inn FROM t
          UNION ALL SELECT credit, amount, 0, amount FROM t),
net AS (SELECT account, sum(posted)::bigint AS posted, sum(out)::bigint AS out, sum(inn)::bigint AS inn
        FROM moves GROUP BY account),
locked AS (SELECT count(*) AS n FROM (SELECT account FROM balances WHERE account IN (SELECT account FROM net)
           ORDER BY left(account, 5) <> 'user:', account FOR UPDATE) l),
s AS (UPDATE balances b SET posted = b.posted + n.posted, pending_out = b.pending_out - n.out,
      pending_in = b.pending_in - n.inn FROM net n, locked WHERE b.account = n.account)
SELECT t.id FROM t;
COMMIT;
"""

_TWO_COMMITS = """\\set u random(0, 63)
BEGIN;
UPDATE bench_counters SET n = n + 1 WHERE id = :u;
COMMIT;
BEGIN;
UPDATE bench_counters SET n = n + 1 WHERE id = :u;
COMMIT;
"""


def _pgbench(url: str, schema: str, script: str, clients: int, seconds: float) -> float:
    pgbench = shutil.which("pgbench")
    assert pgbench is not None
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
        path = f.name
    try:
        env = dict(os.environ, PGOPTIONS=f"-csearch_path={schema}")
        threads = str(min(clients, os.cpu_count() or 1))
        command = [pgbench, "-n", "-M", "prepared", "-c", str(clients), "-j", threads]
        command += ["-T", str(max(1, round(seconds))), "-f", path, url]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=seconds + 60)
        if done.returncode != 0:
            raise RuntimeError(f"pgbench failed: {done.stderr.strip()[-800:]}")
        out = done.stdout
    finally:
        os.unlink(path)
    found = re.search(r"tps = ([0-9.]+)", out)
    assert found is not None, out
    return float(found.group(1))


def _pgbench_all(url: str, schema: str, levels: list[int], seconds: float) -> dict[str, Any]:
    if shutil.which("pgbench") is None:
        return {"skipped": "pgbench not on PATH"}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"SET search_path TO {schema}")
        conn.execute("CREATE SEQUENCE bench_ids")
        conn.execute("CREATE TABLE bench_counters (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0)")
        conn.execute("INSERT INTO bench_counters (id) SELECT generate_series(0, 63)")
    return {
        "same_sql": {str(c): round(_pgbench(url, schema, _SAME_SQL, c, seconds), 1) for c in levels},
        "two_trivial_commits": {
            str(c): round(_pgbench(url, schema, _TWO_COMMITS, c, seconds), 1) for c in levels
        },
    }


# ---------------------------------------------------------------------------------------------------


def _postgres_url(given: str | None) -> str | None:
    url = given or os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    url = url if url and url.startswith(("postgresql://", "postgres://")) else None
    url = url or "postgresql://postgres@127.0.0.1:5432/test"
    try:
        with psycopg.connect(url, connect_timeout=3):
            return url
    except psycopg.Error as exc:
        print(f"postgres not reachable at {url}: {exc}; skipping it", file=sys.stderr)
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="per measurement (default 4)")
    parser.add_argument("--concurrency", default="1,32", help="comma-separated levels (default 1,32)")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    levels = [int(x) for x in args.concurrency.split(",")]
    url = _postgres_url(args.database_url)
    started = time.perf_counter()
    results = asyncio.run(bench_stores(url, levels, args.seconds))
    report: dict[str, Any] = {
        "unit": "readings/s (2 transactions each: hold; save reading + post)",
        "seconds_per_measurement": args.seconds,
        "cpus": os.cpu_count(),
        **results,
    }
    pgbench = results.get("pgbench", {})
    if "same_sql" in pgbench and "postgres" in results:
        report["ratio_postgres_to_pgbench_same_sql"] = {
            c: round(results["postgres"][c] / pgbench["same_sql"][c], 3) for c in results["postgres"]
        }
        report["ratio_postgres_to_pgbench_two_trivial_commits"] = {
            c: round(results["postgres"][c] / pgbench["two_trivial_commits"][c], 3)
            for c in results["postgres"]
        }
    report["wall_seconds"] = round(time.perf_counter() - started, 1)
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
