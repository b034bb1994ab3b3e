"""The JSON API under load: `tarot web` in one process, an aiohttp load generator in this one.

The server is the real `tarot web` (`python -m runners web`), configured only through its environment
as an operator would: DATABASE_URL (a throwaway Postgres schema, or a SQLite file with --store sqlite),
REDIS_URL (when Redis answers; else the in-process limiter), one API key, no OpenAI key (so the offline
interpreter answers at once: what is measured is our service, not an LLM), a large WELCOME_CREDITS.
The generator sends `POST /v1/users/{ref}/readings` with a fresh Idempotency-Key each time; every ref
makes 4 readings one after another (inside the per-user reading limit, burst 5), so each reading is a
201 and every fourth request also registers a new user, as traffic from new users does. Then as many
`GET /healthz` at the same concurrency give the HTTP floor of this machine and server.

    python bench/web.py                        # 2000 readings at concurrency 64
    python bench/web.py --requests 500 --concurrency 16 --store sqlite

Prints one JSON object: requests/s, latency percentiles (ms), statuses, the server's peak RSS, and the
floor. Bounded: --requests per phase and --seconds (default 60) per phase, whichever comes first.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import psycopg
import redis as sync_redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.postgres.migrations import migrate_database

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"
READINGS_PER_REF = 4  # the API allows a burst of 5 readings per user
# Inherited variables that would switch real adapters on, or point the server elsewhere.
SCRUB = ("OPENAI_", "STRIPE_", "TELEGRAM_", "TAROT_", "DATABASE_", "REDIS_", "WELCOME_", "LOG_")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None, "p99": None, "max": None}
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)] * 1000, 2)

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "max": round(ordered[-1] * 1000, 2)}


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


# ---------------------------------------------------------------------------------------------------
# The store and the server


@contextlib.contextmanager
def store_url(kind: str, pg: str) -> Iterator[str]:
    """A DATABASE_URL for an empty, migrated store that is removed afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # a generated identifier
    try:
        asyncio.run(migrate_database(pg, schema))
        yield f"{pg}{'&' if '?' in pg else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def redis_answers(url: str) -> bool:
    client = sync_redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        return bool(client.ping())
    except sync_redis.RedisError:
        return False
    finally:
        client.close()


@contextlib.contextmanager
def server(
    database_url: str,
    redis_url: str | None,
    api_key: str,
    log_level: str,
    extra: dict[str, str] | None = None,
) -> Iterator[dict[str, Any]]:
    """`tarot web` on a free port; `extra` adds variables (bench/inflight.py: the OpenAI adapter)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(SCRUB)}
    env.update(
        DATABASE_URL=database_url,
        TAROT_API_KEYS=f"bench:{api_key}",
        WELCOME_CREDITS="100000",
        LIMIT_LLM_READINGS_PER_MINUTE="1000000",  # the offline interpreter costs nothing: measure the rest
        LOG_LEVEL=log_level,
        TAROT_ENV_FILE=os.devnull,  # never a stray .env
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(extra or {})
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "runners", "web", "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        info: dict[str, Any] = {"pid": process.pid, "url": f"http://127.0.0.1:{port}", "log": log.name}
        try:
            wait_until_up(process, info["url"], log.name)
            yield info
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_up(process: subprocess.Popen[bytes], url: str, log: str) -> None:
    import urllib.request

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"tarot web exited with {process.returncode}:\n{Path(log).read_text()[-3000:]}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/readyz", timeout=1) as answer:
            if answer.status == 200:
                return
        time.sleep(0.1)
    sys.exit(f"tarot web did not become ready in 30 s:\n{Path(log).read_text()[-3000:]}")


# ---------------------------------------------------------------------------------------------------
# The load generator


async def drive(
    base: str, api_key: str, run: str, requests: int, concurrency: int, seconds: float, path: str
) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    issued = 0
    give_up = time.perf_counter() + seconds
    headers = {"Authorization": f"Bearer {api_key}"}
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, headers=headers, timeout=timeout) as session:

        async def one(n: int, ref: str) -> None:
            started = time.perf_counter()
            try:
                if path == "readings":
                    async with session.post(
                        f"{base}/v1/users/{ref}/readings",
                        json={"spread": "single", "question": f"What does day {n} hold?"},
                        headers={"Idempotency-Key": f"{run}-{n}"},
                    ) as answer:
                        await answer.read()
                        status = str(answer.status)
                else:
                    async with session.get(f"{base}/healthz") as answer:
                        await answer.read()
                        status = str(answer.status)
            except (aiohttp.ClientError, TimeoutError) as error:
                status = type(error).__name__
            statuses[status] += 1
            if status in ("200", "201"):
                latencies.append(time.perf_counter() - started)

        async def worker(w: int) -> None:
            # A ref belongs to one worker, so its requests never race each other: two concurrent first
            # requests of one new user make one of them a 409 (see docs/RELIABILITY.md, known gaps).
            nonlocal issued
            mine = 0
            while issued < requests and time.perf_counter() < give_up:
                n = issued
                issued += 1
                await one(n, f"{run}-{w}-{mine // READINGS_PER_REF}")
                mine += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "requests": issued,
        "statuses": dict(statuses),
        "wall_s": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "latency_ms": percentiles(latencies),
    }


def delete_keys(url: str, run: str) -> None:
    client = sync_redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        keys = list(client.scan_iter(match=f"tarot:*bench:{run}-*", count=1000))
        for i in range(0, len(keys), 500):
            client.delete(*keys[i : i + 500])
    finally:
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="per phase (default 2000)")
    parser.add_argument("--concurrency", type=int, default=64, help="connections (default 64)")
    parser.add_argument("--seconds", type=float, default=60.0, help="cap per phase (default 60)")
    parser.add_argument("--warmup", type=int, default=100, help="readings before measuring (default 100)")
    parser.add_argument("--store", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--database-url", default=None, help="Postgres to make the throwaway schema in")
    parser.add_argument("--redis-url", default=None, help="default REDIS_URL or redis://127.0.0.1:6379/15")
    parser.add_argument("--no-redis", action="store_true", help="use the in-process limiter")
    parser.add_argument("--log-level", default="INFO", help="the server's LOG_LEVEL (default INFO)")
    args = parser.parse_args()

    pg = args.database_url or os.environ.get("TEST_DATABASE_URL") or DEFAULT_PG
    redis_url = None if args.no_redis else (args.redis_url or os.environ.get("REDIS_URL") or DEFAULT_REDIS)
    if redis_url and not redis_answers(redis_url):
        print(
            f"redis does not answer at {redis_url}; the server uses its in-process limiter", file=sys.stderr
        )
        redis_url = None
    run = uuid.uuid4().hex[:8]
    api_key = secrets.token_urlsafe(24)
    started = time.perf_counter()
    with (
        store_url(args.store, pg) as database_url,
        server(database_url, redis_url, api_key, args.log_level) as srv,
    ):
        try:

            async def phases() -> dict[str, Any]:
                base = srv["url"]
                await drive(
                    base, api_key, f"{run}w", args.warmup, min(args.concurrency, 16), args.seconds, "readings"
                )
                readings = await drive(
                    base, api_key, run, args.requests, args.concurrency, args.seconds, "readings"
                )
                floor = await drive(
                    base, api_key, run, args.requests, args.concurrency, args.seconds, "healthz"
                )
                return {"readings": readings, "healthz_floor": floor}

            results = asyncio.run(phases())
            rss = peak_rss_mb(srv["pid"])
        finally:
            if redis_url:
                delete_keys(redis_url, run)
    readings, floor = results["readings"], results["healthz_floor"]
    report = {
        "benchmark": "bench/web.py",
        "argv": sys.argv[1:],
        "server": "python -m runners web (tarot web), offline interpreter",
        "store": args.store,
        "redis": bool(redis_url),
        "concurrency": args.concurrency,
        "cpus": os.cpu_count(),
        "POST /v1/users/{ref}/readings": readings,
        "GET /healthz": floor,
        "ratio_readings_to_healthz": (
            round(readings["requests_per_s"] / floor["requests_per_s"], 3)
            if floor["requests_per_s"]
            else None
        ),
        "server_peak_rss_mb": rss,
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
