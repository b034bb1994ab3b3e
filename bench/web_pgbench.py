"""`POST /v1/users/{ref}/readings` on Postgres against pgbench running the minimal work of a reading
(issue 21 point 6).

The minimal reading, as pgbench runs it: a hold in one commit (the pending transfer, the user's and the
revenue account's balance rows), then the reading saved, the hold posted and revenue credited in a
second. `--revenue-slots N` spreads the revenue credit over N balance rows (what a slotted schema
does; 1 is the single `revenue:readings` row of today's schema).

The web side is the real `tarot web` (offline interpreter, Redis when it answers, DATABASE_POOL_SIZE
`--pool`), every request by a known person (`--people` signed up first through `POST /v1/users`, each
reading 4 times, within the API's per-person burst; once all have read, they are reused and the API's
per-person limit answers some requests 429, which are not counted as readings). pgbench gets as many
connections as the pool has (`-c pool`: the same pool size), and also as many as the HTTP concurrency
(`-c c`, for reference). The runs interleave: for
each repeat, for each concurrency, the web run then the pgbench runs, `--seconds` each.

    python bench/web_pgbench.py                       # c=16 and c=64, pool 10, 3 repeats, 8 s each
    python bench/web_pgbench.py --concurrency 16 --repeats 1 --seconds 5

Prints one JSON object: each run's figures, and per concurrency the ratio web / pgbench with
min/median/max over the repeats (target ≥ 0.5).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
import psycopg

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import web as webbench  # noqa: E402  (bench/web.py: the store, the server)

PGBENCH_USERS = 10_000
COST = 5


def minimal_reading(slots: int) -> str:
    """The pgbench script. pgbench reads `:name` even inside string literals, hence `':'`."""
    revenue = "'revenue' || ':' || 'readings'"
    if slots > 1:
        revenue += " || '#' || :slot::text"
    user = "'user' || ':' || 'pgb' || :u::text"
    return f"""\\set u random(1, {PGBENCH_USERS})
\\set slot random(0, {max(slots, 1) - 1})
BEGIN;
INSERT INTO transfers (id, debit, credit, amount, requested, kind, reference, state, created_at, expires_at)
VALUES ('h' || nextval('pgb_ids')::text, {user}, 'revenue' || ':' || 'readings', {COST}, {COST}, 'reading',
        'pgbench', 'pending', now(), now() + interval '10 minutes')
RETURNING id AS hid \\gset
UPDATE balances SET pending_out = pending_out + {COST}
 WHERE account = {user} AND posted - pending_out >= {COST};
UPDATE balances SET pending_in = pending_in + {COST} WHERE account = {revenue};
COMMIT;
BEGIN;
INSERT INTO readings (id, user_id, idempotency_key, spread_id, deck_id, language, question, cards,
                      interpretation, interpreter, cost, hold_id, created_at)
VALUES (:hid, 'pgb' || :u::text, :hid, 'single', 'rider-waite', 'en', 'What does today hold?',
        '[{{"position_id":"p1","card_id":"major-00-fool","reversed": false}}]', 'text', 'offline', {COST},
        :hid, now());
UPDATE transfers SET state = 'posted', resolved_at = now() WHERE id = :hid AND state = 'pending';
UPDATE balances SET posted = posted - {COST}, pending_out = pending_out - {COST} WHERE account = {user};
UPDATE balances SET posted = posted + {COST}, pending_in = pending_in - {COST} WHERE account = {revenue};
COMMIT;
"""


def prepare_pgbench(database_url: str, slots: int) -> None:
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("CREATE SEQUENCE pgb_ids")
        conn.execute(
            "INSERT INTO balances (account, posted) SELECT 'user:pgb' || g, 1000000000000"
            " FROM generate_series(1, %s) g",
            (PGBENCH_USERS,),
        )
        names = ["revenue:readings"] + [f"revenue:readings#{k}" for k in range(slots if slots > 1 else 0)]
        for name in names:
            conn.execute("INSERT INTO balances (account) VALUES (%s) ON CONFLICT DO NOTHING", (name,))


def pgbench(database_url: str, script: str, clients: int, seconds: float) -> float:
    """Transactions of the script (= readings) per second."""
    tool = shutil.which("pgbench")
    assert tool is not None
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
    try:
        threads = str(min(clients, os.cpu_count() or 1))
        command = [tool, "-n", "-M", "prepared", "-c", str(clients), "-j", threads, "-T", str(round(seconds))]
        done = subprocess.run(
            [*command, "-f", f.name, database_url], capture_output=True, text=True, timeout=seconds + 60
        )
    finally:
        os.unlink(f.name)
    if done.returncode != 0:
        raise RuntimeError(f"pgbench failed: {done.stderr.strip()[-800:]}")
    found = re.search(r"tps = ([0-9.]+)", done.stdout)
    assert found is not None, done.stdout
    return float(found.group(1))


class People:
    """Refs signed up before the runs (`POST /v1/users`), handed out in order: a reading by a known
    person, as in the pgbench script, and never more than the API's per-person burst by one person."""

    def __init__(self, run: str, count: int) -> None:
        self.refs = [f"{run}-p{n}" for n in range(count)]
        self.next = 0

    def take(self) -> str:
        ref = self.refs[self.next % len(self.refs)]
        self.next += 1
        return ref

    async def sign_up(self, base: str, api_key: str, concurrency: int = 16) -> None:
        headers = {"Authorization": f"Bearer {api_key}"}
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector, headers=headers) as session:
            pending = iter(self.refs)

            async def worker() -> None:
                for ref in pending:
                    async with session.post(f"{base}/v1/users", json={"ref": ref}) as answer:
                        await answer.read()
                        assert answer.status in (200, 201), answer.status

            await asyncio.gather(*(worker() for _ in range(concurrency)))


async def web_run(
    base: str, api_key: str, people: People, concurrency: int, seconds: float
) -> dict[str, Any]:
    statuses: Counter[str] = Counter()
    served = 0
    stop = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency)
    headers = {"Authorization": f"Bearer {api_key}"}
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:

        async def worker() -> None:
            nonlocal served
            n = 0
            while time.perf_counter() < stop:
                if n % webbench.READINGS_PER_REF == 0:
                    ref = people.take()
                n += 1
                async with session.post(
                    f"{base}/v1/users/{ref}/readings",
                    json={"spread": "single", "question": "What does today hold?"},
                    headers={"Idempotency-Key": uuid.uuid4().hex},
                ) as answer:
                    await answer.read()
                    statuses[str(answer.status)] += 1
                    served += answer.status == 201

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return {"readings_per_s": round(served / wall, 1), "statuses": dict(statuses)}


def summary(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--concurrency", default="16,64", help="comma-separated (default 16,64)")
    parser.add_argument("--pool", type=int, default=10, help="DATABASE_POOL_SIZE and pgbench -c (10)")
    parser.add_argument("--seconds", type=float, default=8.0, help="per run (default 8)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--revenue-slots", type=int, default=1, help="revenue balance rows (default 1)")
    parser.add_argument("--database-url", default=None, help="Postgres to make the throwaway schema in")
    parser.add_argument("--no-redis", action="store_true", help="the server's in-process limiter")
    parser.add_argument("--people", type=int, default=6000, help="people signed up first (6000)")
    args = parser.parse_args()
    if shutil.which("pgbench") is None:
        sys.exit("pgbench is not on PATH")
    levels = [int(c) for c in args.concurrency.split(",")]
    pg = args.database_url or os.environ.get("TEST_DATABASE_URL") or webbench.DEFAULT_PG
    redis_url = None if args.no_redis else (os.environ.get("REDIS_URL") or webbench.DEFAULT_REDIS)
    if redis_url and not webbench.redis_answers(redis_url):
        redis_url = None
    run = uuid.uuid4().hex[:8]
    api_key = secrets.token_urlsafe(24)
    script = minimal_reading(args.revenue_slots)
    started = time.perf_counter()
    runs: list[dict[str, Any]] = []
    extra = {"DATABASE_POOL_SIZE": str(args.pool)}
    with (
        webbench.store_url("postgres", pg) as database_url,
        webbench.server(database_url, redis_url, api_key, "WARNING", extra) as srv,
    ):
        try:
            prepare_pgbench(database_url, args.revenue_slots)
            people = People(run, args.people)
            asyncio.run(people.sign_up(srv["url"], api_key))
            for repeat in range(args.repeats):
                for c in levels:
                    web = asyncio.run(web_run(srv["url"], api_key, people, c, args.seconds))
                    same_pool = pgbench(database_url, script, args.pool, args.seconds)
                    same_clients = pgbench(database_url, script, c, args.seconds)
                    runs.append({
                        "repeat": repeat + 1, "concurrency": c, "web": web,
                        "pgbench_c_pool": same_pool, "pgbench_c_concurrency": same_clients,
                        "ratio": round(web["readings_per_s"] / same_pool, 3),
                    })  # fmt: skip
                    print(runs[-1], file=sys.stderr)
        finally:
            if redis_url:
                webbench.delete_keys(redis_url, run)
    def over(c: int, pick: Any) -> dict[str, float]:
        return summary([pick(r) for r in runs if r["concurrency"] == c])

    by_level = {
        str(c): {
            "ratio_web_to_pgbench_same_pool": over(c, lambda r: r["ratio"]),
            "web_readings_per_s": over(c, lambda r: r["web"]["readings_per_s"]),
            "pgbench_tps_c_pool": over(c, lambda r: r["pgbench_c_pool"]),
            "pgbench_tps_c_concurrency": over(c, lambda r: r["pgbench_c_concurrency"]),
        }
        for c in levels
    }
    json.dump(
        {
            "benchmark": "bench/web_pgbench.py",
            "argv": sys.argv[1:],
            "unit": "readings/s; pgbench: minimal readings (2 transactions) per second",
            "pool": args.pool,
            "revenue_slots": args.revenue_slots,
            "redis": bool(redis_url),
            "cpus": os.cpu_count(),
            "runs": runs,
            "by_concurrency": by_level,
            "wall_seconds": round(time.perf_counter() - started, 1),
        },
        sys.stdout,
        indent=2,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
