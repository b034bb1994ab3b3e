"""Readings in flight through the REAL OpenAI adapter (issue 21 point 6).

Three processes, as in production: the project's fake OpenAI server (tests/contract/interpreter/
fake_openai.py) answering every chat completion after `--delay` seconds; the real `tarot web` with
OPENAI_API_KEY/OPENAI_BASE_URL pointed at it, Postgres with DATABASE_POOL_SIZE (default 10) and the
default TAROT_MAX_IN_FLIGHT; and this load generator.

- burst: `--burst` readings (default 1000, each a new person) sent at once. Reported: statuses, how many
  chat completions were open at the provider at once (`provider_peak_in_flight`), and the books:
  `lost_after_llm` = answers the provider gave that did not end as a saved, charged reading (target 0),
  holds left pending, `tarot admin check`'s exit status.
- overhead: `--repeats` runs of `--requests` readings at concurrency `--concurrency` (default 64), the
  workers' starts spread over one answer time; overhead = latency − delay, p50/p99 per run and
  min/median/max over the runs (target p99 ≤ 10 ms).

    python bench/inflight.py                       # delay 2 s, burst 1000, c=64 × 3
    python bench/inflight.py --burst 1200 --requests 320 --repeats 1

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import psycopg

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import web as webbench  # noqa: E402  (bench/web.py: the store, the server, percentiles)

FAKE_KEY = "test-key"


# ---------------------------------------------------------------------------------------------------
# The fake provider, in its own process


def serve_fake(delay: float) -> None:
    """Run the fake OpenAI server (slow scenario) and a stats endpoint; print both URLs, serve forever."""
    sys.path.insert(0, str(REPO / "tests" / "contract" / "interpreter"))
    from aiohttp import web
    from attrs import define
    from fake_openai import FakeOpenAI

    @define
    class CountingFake(FakeOpenAI):
        active: int = 0
        peak: int = 0
        answered: int = 0

        async def _chat(self, request: web.Request) -> web.StreamResponse:
            self.active += 1
            self.peak = max(self.peak, self.active)
            try:
                response = await super()._chat(request)
                self.answered += 1
                return response
            finally:
                self.active -= 1

    async def main() -> None:
        fake = CountingFake(api_key=FAKE_KEY, scenario="slow", slow_seconds=delay)
        fake.requests = _Forgetful()
        await fake.start()

        async def stats(request: web.Request) -> web.Response:
            if request.method == "DELETE":
                fake.peak = fake.active
            return web.json_response({"peak": fake.peak, "answered": fake.answered, "active": fake.active})

        app = web.Application()
        app.router.add_route("*", "/stats", stats)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        stats_url = f"http://127.0.0.1:{runner.addresses[0][1]}/stats"
        print(json.dumps({"url": fake.url, "stats": stats_url}), flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


class _Forgetful(list[Any]):
    """The fake records every request; at thousands a run that is only memory: keep none."""

    def append(self, item: Any) -> None:
        return None


@contextmanager
def fake_provider(delay: float) -> Iterator[dict[str, str]]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve-fake", "--delay", str(delay)],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            sys.exit("the fake OpenAI server did not start")
        yield json.loads(line)
    finally:
        process.terminate()
        process.wait(10)


async def provider_stats(url: str, reset: bool = False) -> dict[str, int]:
    async with (
        aiohttp.ClientSession() as session,
        session.request("DELETE" if reset else "GET", url) as answer,
    ):
        return dict(await answer.json())


# ---------------------------------------------------------------------------------------------------
# The load


async def post_reading(
    session: aiohttp.ClientSession, base: str, ref: str, key: str
) -> tuple[str, float, bool | None]:
    started = time.perf_counter()
    try:
        async with session.post(
            f"{base}/v1/users/{ref}/readings",
            json={"spread": "single", "question": "What does today hold for me?"},
            headers={"Idempotency-Key": key},
        ) as answer:
            body = await answer.json(content_type=None)
            status = str(answer.status)
    except (aiohttp.ClientError, TimeoutError) as error:
        return type(error).__name__, time.perf_counter() - started, None
    fallback = body.get("fallback") if isinstance(body, dict) and status == "201" else None
    return status, time.perf_counter() - started, fallback


def session_for(api_key: str, limit: int) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=limit),
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=aiohttp.ClientTimeout(total=120),
    )


async def burst(base: str, api_key: str, run: str, count: int) -> dict[str, Any]:
    async with session_for(api_key, count) as session:
        started = time.perf_counter()
        outcomes = await asyncio.gather(
            *(post_reading(session, base, f"{run}-b{n}", f"{run}-b{n}") for n in range(count))
        )
        wall = time.perf_counter() - started
    statuses = Counter(status for status, _, _ in outcomes)
    served = [seconds for status, seconds, _ in outcomes if status == "201"]
    charged = sum(1 for status, _, fallback in outcomes if status == "201" and fallback is False)
    return {
        "sent": count,
        "statuses": dict(statuses),
        "charged_answers": charged,
        "wall_s": round(wall, 2),
        "latency_ms": webbench.percentiles(served),
    }


async def closed_loop(
    base: str, api_key: str, run: str, requests: int, concurrency: int, delay: float
) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    issued = 0
    async with session_for(api_key, concurrency) as session:

        async def worker(w: int) -> None:
            nonlocal issued
            mine = 0
            # Staggered starts: readings arrive spread over the answer time, as independent people's do,
            # not in waves of `concurrency` that all want a connection at the same instant.
            await asyncio.sleep(delay * w / concurrency)
            while issued < requests:
                n = issued
                issued += 1
                ref = f"{run}-{w}-{mine // webbench.READINGS_PER_REF}"  # within the per-person burst
                status, seconds, _ = await post_reading(session, base, ref, f"{run}-{n}")
                statuses[status] += 1
                if status == "201":
                    latencies.append(seconds)
                mine += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(concurrency)))
        wall = time.perf_counter() - started
    overhead = [max(0.0, s - delay) for s in latencies]
    return {
        "requests": issued,
        "statuses": dict(statuses),
        "readings_per_s": round(len(latencies) / wall, 1),
        "overhead_ms": webbench.percentiles(overhead),
    }


# ---------------------------------------------------------------------------------------------------
# The books afterwards


def books(database_url: str) -> dict[str, Any]:
    with psycopg.connect(database_url) as conn:
        pending = conn.execute("SELECT count(*) FROM transfers WHERE state = 'pending'").fetchone()
        saved = conn.execute("SELECT count(*) FROM readings WHERE NOT fallback").fetchone()
    env = {k: v for k, v in os.environ.items() if not k.startswith(webbench.SCRUB)}
    env.update(DATABASE_URL=database_url, TAROT_ENV_FILE=os.devnull)
    check = subprocess.run(
        [sys.executable, "-m", "runners", "admin", "check"], capture_output=True, text=True, env=env,
        cwd=REPO, timeout=300,
    )  # fmt: skip
    return {
        "pending_holds": pending[0] if pending else None,
        "saved_llm_readings": saved[0] if saved else None,
        "admin_check_exit": check.returncode,
        "admin_check": (check.stdout.strip().splitlines() or [""])[-1][:200],
    }


def summary(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--delay", type=float, default=2.0, help="the provider's answer time (default 2 s)")
    parser.add_argument("--burst", type=int, default=1000, help="readings sent at once (default 1000)")
    parser.add_argument("--requests", type=int, default=640, help="per overhead run (default 640)")
    parser.add_argument("--concurrency", type=int, default=64, help="overhead runs' concurrency (64)")
    parser.add_argument("--repeats", type=int, default=3, help="overhead runs (default 3)")
    parser.add_argument("--pool", type=int, default=10, help="DATABASE_POOL_SIZE (default 10)")
    parser.add_argument("--database-url", default=None, help="Postgres to make the throwaway schema in")
    parser.add_argument("--serve-fake", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_fake:
        serve_fake(args.delay)
        return

    pg = args.database_url or os.environ.get("TEST_DATABASE_URL") or webbench.DEFAULT_PG
    run = uuid.uuid4().hex[:8]
    api_key = secrets.token_urlsafe(24)
    started = time.perf_counter()
    with webbench.store_url("postgres", pg) as database_url, fake_provider(args.delay) as fake:
        extra = {
            "OPENAI_API_KEY": FAKE_KEY,
            "OPENAI_BASE_URL": fake["url"],
            "OPENAI_MAX_RETRIES": "0",
            "DATABASE_POOL_SIZE": str(args.pool),
        }
        with webbench.server(database_url, None, api_key, "INFO", extra) as srv:

            async def phases() -> dict[str, Any]:
                base = srv["url"]
                await closed_loop(base, api_key, f"{run}w", 32, 16, args.delay)  # warm up
                await provider_stats(fake["stats"], reset=True)
                before = await provider_stats(fake["stats"])
                shot = await burst(base, api_key, run, args.burst)
                after = await provider_stats(fake["stats"])
                shot["provider_peak_in_flight"] = after["peak"]
                shot["provider_answered"] = after["answered"] - before["answered"]
                shot["lost_after_llm"] = shot["provider_answered"] - shot["charged_answers"]
                runs = [
                    await closed_loop(
                        base, api_key, f"{run}r{r}", args.requests, args.concurrency, args.delay
                    )
                    for r in range(args.repeats)
                ]
                return {"burst": shot, "runs": runs, "answered_total": after["answered"]}

            results = asyncio.run(phases())
            rss = webbench.peak_rss_mb(srv["pid"])
        ledger = books(database_url)
    runs = results["runs"]
    p50 = [r["overhead_ms"]["p50"] for r in runs if r["overhead_ms"]["p50"] is not None]
    p99 = [r["overhead_ms"]["p99"] for r in runs if r["overhead_ms"]["p99"] is not None]
    report = {
        "benchmark": "bench/inflight.py",
        "argv": sys.argv[1:],
        "server": "python -m runners web, the real OpenAI adapter against the fake provider",
        "delay_s": args.delay,
        "database_pool_size": args.pool,
        "cpus": os.cpu_count(),
        "burst": results["burst"],
        "overhead_runs": runs,
        "overhead_p50_ms": summary(p50) if p50 else None,
        "overhead_p99_ms": summary(p99) if p99 else None,
        "books": ledger,
        "server_peak_rss_mb": rss,
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
