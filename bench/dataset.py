"""Data growth on Postgres: a big dataset, EXPLAIN of every read path and job query, `admin check`
and the retention purge timed on it.

Builds (in its own schema, with generate_series; about a minute) 100k users, 1M transfers (a welcome
grant per user, 9 posted reading holds per user, 10k card purchases with their payments), 900k
readings spread over 400 days, and the balances those transfers leave (system accounts over slots).
Then:
- runs each store operation the service and its jobs use once, records the SQL the adapter sends,
  and prints `EXPLAIN (ANALYZE, BUFFERS)` figures for each, flagging Seq Scans on big tables (writes
  are explained inside a transaction that is rolled back);
- times `tarot admin check` as a subprocess (wall seconds and peak RSS; targets <= 5 s, <= 200 MB);
- times the retention purge batch by batch (each its own transaction; target: none over 1 s).

    python bench/dataset.py [--users 100000] [--database-url ...] [--keep] [--reuse]

JSON on stdout. The schema (`bench_dataset`) is dropped at the end unless --keep; --reuse skips the
build when a kept schema is there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg.rows import dict_row

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from adapters.postgres import storage as pg_storage  # noqa: E402
from adapters.postgres.migrations import migrate_database  # noqa: E402
from adapters.postgres.storage import PostgresStore, create_pool  # noqa: E402
from tarot_domain.model.ledger import REVENUE_READINGS  # noqa: E402

SCHEMA = "bench_dataset"
READINGS_PER_USER = 9
BIG_TABLE_ROWS = 10_000
CHECK_TARGET_S, CHECK_TARGET_MB, BATCH_TARGET_S = 5.0, 200.0, 1.0
# Whole-table by design: the audit and the figures are set-based checks over every row.
WHOLE_TABLE = {"audit.audit", "audit.figures"}

_BUILD = [
    """INSERT INTO users (id, external_ref, language, deck_id, reversals, active, tier_id, tier_until,
        purchases_frozen, display_name, created_at, last_seen_at, reminders)
       SELECT 'u' || i, 'api:bench:' || i, 'en', 'rider-waite', false, true,
              CASE WHEN i %% 20 = 0 THEN 'premium' END,
              CASE WHEN i %% 20 = 0 THEN now() + (i %% 60) * interval '1 day' END,
              false, NULL, now() - (i %% 400) * interval '1 day', now(), true
       FROM generate_series(1, %(users)s) i""",
    """INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,
        balancing, slot)
       SELECT 'welcome:u' || i, 'issuance:grants', 'user:u' || i, 100, 100, 'grant', 'welcome', 'posted',
              now() - (i %% 400) * interval '1 day', false, i %% 16
       FROM generate_series(1, %(users)s) i""",
    """INSERT INTO payments (id, provider, provider_ref, user_id, product_id, amount, currency, credits,
        status, created_at, granted)
       SELECT 'ord' || i, 'stripe', 'pi_' || i, 'u' || i, 'basic', 599, 'USD', 50, 'paid',
              now() - (i %% 400) * interval '1 day', 50
       FROM generate_series(10, %(users)s, 10) i""",
    """INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,
        balancing, slot)
       SELECT 'purchase:ord' || i, 'issuance:stripe', 'user:u' || i, 50, 50, 'purchase', 'ord' || i,
              'posted', now() - (i %% 400) * interval '1 day', false, i %% 16
       FROM generate_series(10, %(users)s, 10) i""",
    """INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,
        expires_at, resolved_at, balancing, slot)
       SELECT 'reading:u' || i || ':k' || j || '#1', 'user:u' || i, 'revenue:readings', 2, 2, 'reading',
              'reading:u' || i || ':k' || j, 'posted', at, at + interval '10 minutes',
              at + interval '2 seconds', false, (i * 9 + j) %% 16
       FROM generate_series(1, %(users)s) i, generate_series(1, 9) j,
            LATERAL (SELECT now() - ((i + j * 37) %% 400) * interval '1 day' AS at) a""",
    """INSERT INTO readings (id, user_id, idempotency_key, spread_id, deck_id, language, question, answers,
        cards, interpretation, interpreter, model, prompt_tokens, completion_tokens, cached, cost,
        hold_id, fallback, created_at)
       SELECT 'r' || i || '_' || j, 'u' || i, 'k' || j, 'single', 'rider-waite', 'en',
              'What should I know about week ' || j || '?', '[]',
              '[{"position_id": "p1", "card_id": "major-00-fool", "reversed": false}]',
              'The Fool sets out light: a fresh start, trust the road and keep your eyes open.',
              'openai', 'gpt-x', 120, 340, false, 2, 'reading:u' || i || ':k' || j || '#1', false,
              now() - ((i + j * 37) %% 400) * interval '1 day' + interval '2 seconds'
       FROM generate_series(1, %(users)s) i, generate_series(1, 9) j""",
    # a few live holds, for the sweeper's query
    """INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at,
        expires_at, balancing, slot)
       SELECT 'reading:u' || i || ':live#1', 'user:u' || i, 'revenue:readings', 2, 2, 'reading',
              'reading:u' || i || ':live', 'pending', now(), now() + interval '1 hour', false, i %% 16
       FROM generate_series(1, 200) i""",
    """INSERT INTO balances (account, slot, posted, pending_out, pending_in)
       SELECT account, slot, sum(posted), sum(pending_out), sum(pending_in) FROM (
           SELECT debit AS account, CASE WHEN left(debit, 5) = 'user:' THEN 0 ELSE slot END AS slot,
                  CASE WHEN state = 'posted' THEN -amount ELSE 0 END AS posted,
                  CASE WHEN state = 'pending' THEN amount ELSE 0 END AS pending_out, 0 AS pending_in
           FROM transfers
           UNION ALL
           SELECT credit, CASE WHEN left(credit, 5) = 'user:' THEN 0 ELSE slot END,
                  CASE WHEN state = 'posted' THEN amount ELSE 0 END, 0,
                  CASE WHEN state = 'pending' THEN amount ELSE 0 END
           FROM transfers
       ) m GROUP BY account, slot""",
]


def _schema_url(url: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={quote(f'-csearch_path={SCHEMA}')}"


async def build(url: str, users: int) -> dict[str, Any]:
    started = time.perf_counter()
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        await conn.execute(f"CREATE SCHEMA {SCHEMA}")
    await migrate_database(url, SCHEMA)
    async with await psycopg.AsyncConnection.connect(_schema_url(url), autocommit=True) as conn:
        for statement in _BUILD:
            await conn.execute(statement, {"users": users})  # type: ignore[arg-type]
        await conn.execute("VACUUM ANALYZE")
    return {"build_seconds": round(time.perf_counter() - started, 1), **await sizes(url)}


async def sizes(url: str) -> dict[str, Any]:
    async with await psycopg.AsyncConnection.connect(_schema_url(url)) as conn:
        counts = {}
        for table in ("users", "transfers", "readings", "balances", "payments"):
            row = await (await conn.execute(f"SELECT count(*) FROM {table}")).fetchone()  # type: ignore[arg-type]
            counts[table] = row[0] if row else 0
        cur = await conn.execute(
            "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
            (SCHEMA,),
        )
        row = await cur.fetchone()
    return {"rows": counts, "size": row[0] if row else None}


# ---------------------------------------------------------------------------------------------------
# EXPLAIN of what the adapter really sends


def _record(into: list[tuple[str, Any]]) -> Callable[[], None]:
    """Wrap the adapter's statement path so every (query, params) it sends is kept; returns undo."""
    original = pg_storage._Db._result

    async def recording(self: pg_storage._Db, query: str, params: Any) -> Any:
        into.append((query, params))
        return await original(self, query, params)

    pg_storage._Db._result = recording  # type: ignore[method-assign]
    return lambda: setattr(pg_storage._Db, "_result", original)


def _operations(now: datetime) -> dict[str, Callable[[Any], Awaitable[object]]]:
    """Each port operation the service, its jobs and the CLI use, on a user in the middle."""
    u, ref = "u50000", "api:bench:50000"
    return {
        "users.get": lambda w: w.users.get(u),
        "users.get_by_ref": lambda w: w.users.get_by_ref(ref),
        "users.list_tier_ending (reminders job)": lambda w: w.users.list_tier_ending(
            now + timedelta(days=3), now + timedelta(days=4)
        ),
        "readings.get": lambda w: w.readings.get("r50000_3"),
        "readings.get_by_key": lambda w: w.readings.get_by_key(u, "k3"),
        "readings.list_for_user": lambda w: w.readings.list_for_user(u, 10),
        "readings.list_for_user (cursor)": lambda w: w.readings.list_for_user(
            u, 10, before=(now - timedelta(days=100), "r50000_5")
        ),
        "readings.count_for_user": lambda w: w.readings.count_for_user(u),
        "ledger.get": lambda w: w.ledger.get(f"reading:{u}:k3#1"),
        "ledger.balance (user)": lambda w: w.ledger.balance(f"user:{u}"),
        "ledger.balance (revenue, slotted)": lambda w: w.ledger.balance(REVENUE_READINGS),
        "ledger.history (user)": lambda w: w.ledger.history(f"user:{u}", 20),
        "ledger.history (revenue)": lambda w: w.ledger.history(REVENUE_READINGS, 20),
        "ledger.expire_due (sweeper job)": lambda w: w.ledger.expire_due(now),
        "payments.get": lambda w: w.payments.get("ord50000"),
        "payments.get_by_provider_ref": lambda w: w.payments.get_by_provider_ref("stripe", "pi_50000"),
        "payments.list_for_user": lambda w: w.payments.list_for_user(u),
        "payments.list_flagged (admin)": lambda w: w.payments.list_flagged(),
        "payments.list_refund_requests (refunds job)": lambda w: w.payments.list_refund_requests(),
        "readings.purge_older_than (retention job, one batch)": lambda w: w.readings.purge_older_than(
            now - timedelta(days=180), 2000
        ),
        "readings.erase_for_user (forget)": lambda w: w.readings.erase_for_user(u),
        "users.count": lambda w: w.users.count(),
        "audit.figures": lambda w: w.audit.figures(now - timedelta(days=1), now - timedelta(days=7)),
        "audit.audit": lambda w: w.audit.audit(now),
    }


def _walk(plan: dict[str, Any], big: dict[str, int], found: list[str]) -> None:
    if plan.get("Node Type") == "Seq Scan" and big.get(plan.get("Relation Name", ""), 0) >= BIG_TABLE_ROWS:
        found.append(f"{plan['Relation Name']} ({big[plan['Relation Name']]:,} rows)")
    for child in plan.get("Plans", []):
        _walk(child, big, found)


async def explain_all(url: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    pool = create_pool(url, schema=SCHEMA, min_size=1, max_size=2)
    await pool.open(wait=True)
    report: dict[str, Any] = {}
    try:
        store = PostgresStore(pool)
        async with await psycopg.AsyncConnection.connect(_schema_url(url), row_factory=dict_row) as conn:
            rows = await (
                await conn.execute(
                    "SELECT c.relname, c.reltuples::bigint AS n FROM pg_class c"
                    " JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = %s AND c.relkind = 'r'",
                    (SCHEMA,),
                )
            ).fetchall()
            big = {r["relname"]: int(r["n"]) for r in rows}
            for name, operation in _operations(now).items():
                sent: list[tuple[str, Any]] = []
                undo = _record(sent)
                try:
                    async with store.uow() as uow:  # never committed: writes are rolled back
                        await operation(uow)
                finally:
                    undo()
                report[name] = [await _explain(conn, query, params, big) for query, params in sent]
    finally:
        await pool.close()
    return report


async def _explain(conn: psycopg.AsyncConnection[Any], query: str, params: Any, big: dict[str, int]) -> Any:
    text = psycopg.ClientCursor(conn).mogrify(query, params)  # type: ignore[arg-type]
    await conn.execute("BEGIN")
    try:
        cur = await conn.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {text}")  # type: ignore[arg-type]
        row = await cur.fetchone()
    finally:
        await conn.execute("ROLLBACK")
    assert row is not None
    plan = next(iter(row.values()))[0]
    seq: list[str] = []
    _walk(plan["Plan"], big, seq)
    shared = plan["Plan"].get("Shared Hit Blocks", 0) + plan["Plan"].get("Shared Read Blocks", 0)
    return {
        "statement": " ".join(query.split())[:90],
        "ms": round(plan["Planning Time"] + plan["Execution Time"], 2),
        "buffers": shared,
        "seq_scans_on_big_tables": seq,
    }


# ---------------------------------------------------------------------------------------------------
# admin check and purge


def admin_check(url: str) -> dict[str, Any]:
    """The real CLI in a child process; its own peak RSS from wait4 (not this process's)."""
    env = dict(os.environ, DATABASE_URL=_schema_url(url))
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", "from runners.cli import main; main()", "admin", "check", "--json"],
            cwd=REPO, env=env, stdout=out, stderr=err,
        )  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        printed, complaint = out.read(), err.read()
    try:
        verdict = json.loads(printed)
    except json.JSONDecodeError:
        verdict = {"stdout": printed[-400:], "stderr": complaint[-400:]}
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit": proc.returncode,
        "ok": verdict.get("ok"),
        "violations": verdict.get("violations", [])[:5],
        "targets": {"seconds": CHECK_TARGET_S, "peak_rss_mb": CHECK_TARGET_MB},
    }


async def purge(url: str, days: int, batch: int) -> dict[str, Any]:
    cutoff = datetime.now(UTC) - timedelta(days=days)
    pool = create_pool(url, schema=SCHEMA, min_size=1, max_size=1)
    await pool.open(wait=True)
    times: list[float] = []
    total = 0
    try:
        store = PostgresStore(pool)
        while True:  # the retention use case's loop, each batch timed (one transaction: its locks)
            started = time.perf_counter()
            async with store.uow() as uow:
                done = await uow.readings.purge_older_than(cutoff, batch)
                await uow.commit()
            times.append(time.perf_counter() - started)
            total += done
            if done < batch:
                break
    finally:
        await pool.close()
    ordered = sorted(times)
    return {
        "readings_blanked": total,
        "batches": len(times),
        "batch_size": batch,
        "total_seconds": round(sum(times), 1),
        "batch_seconds": {
            "min": round(ordered[0], 3),
            "median": round(ordered[len(ordered) // 2], 3),
            "max": round(ordered[-1], 3),
        },
        "target_longest_batch_seconds": BATCH_TARGET_S,
    }


async def _schema_exists(url: str) -> bool:
    async with await psycopg.AsyncConnection.connect(url) as conn:
        row = await (await conn.execute("SELECT to_regnamespace(%s) IS NOT NULL", (SCHEMA,))).fetchone()
        return bool(row and row[0])


async def run(args: argparse.Namespace) -> dict[str, Any]:
    url = args.database_url
    report: dict[str, Any] = {"users": args.users}
    if args.reuse and await _schema_exists(url):
        report["dataset"] = {"reused": True, **await sizes(url)}
    else:
        report["dataset"] = await build(url, args.users)
    try:
        report["admin_check"] = await asyncio.to_thread(admin_check, url)
        report["admin_check_again"] = await asyncio.to_thread(admin_check, url)
        explained = await explain_all(url)
        report["seq_scans_on_big_tables"] = {
            name: sorted({s for step in steps for s in step["seq_scans_on_big_tables"]})
            for name, steps in explained.items()
            if any(step["seq_scans_on_big_tables"] for step in steps) and name not in WHOLE_TABLE
        }
        report["explain"] = explained
        report["purge"] = await purge(url, args.purge_days, args.batch)
    finally:
        if not args.keep:
            async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
                await conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--purge-days", type=int, default=180, help="retention cutoff (default 180)")
    parser.add_argument("--batch", type=int, default=2000, help="readings per purge batch (default 2000)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("TEST_DATABASE_URL")
        or os.environ.get("DATABASE_URL")
        or "postgresql://postgres@127.0.0.1:5432/test",
    )
    parser.add_argument("--keep", action="store_true", help="keep the schema for another run")
    parser.add_argument("--reuse", action="store_true", help="use a kept schema instead of building")
    args = parser.parse_args()
    json.dump(asyncio.run(run(args)), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
