"""Rate-limiter throughput: our RedisRateLimiter against a bare redis-py EVALSHA loop of the same script
and against redis-benchmark running it.

    python bench/ratelimit.py [--seconds 3] [--repeats 3] [--tasks 64] [--keys 1000]

Three ways of making the same GCRA decision, `--repeats` times each; within a repeat the two Python
variants alternate in short slices (so both see the same load), then redis-benchmark runs:
- `ours`: `RedisRateLimiter.check` from one Python process, `--tasks` concurrent tasks;
- `bare`: the same process, the same client and pool, the same tasks and keys, calling
  `client.evalsha(GCRA.sha, 1, key, T, burst, 1)` directly: what redis-py costs with nothing of ours;
- `redis_benchmark`: EVALSHA of the same script with as many clients (the server's ceiling for this
  workload without pipelining), when redis-benchmark is on PATH.
Prints one JSON object: decisions per second of each run, min/median/max per variant, ours / bare per
repeat and their median (target ≥ 0.9), the ratios of the medians, and CPU µs per decision of each
Python variant (this process's CPU time, which other processes' load moves less than throughput).
Uses REDIS_URL (default redis://127.0.0.1:6379/15), or a throwaway redis-server on a free port when
nothing answers there. Its keys are deleted afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

import redis as sync_redis

from adapters.memory.rate_limit import MemoryRateLimiter
from adapters.redis import RedisRateLimiter, create_redis
from adapters.redis.rate_limit import GCRA
from tarot_ports.rate_limit import RateLimit, RateLimiter, emission_interval_us

TARGET = 0.9
SLICES = 6  # alternations of ours and bare within one repeat
# Generous enough that most decisions are "allowed" (a write), the expensive path.
LIMIT = RateLimit(rate=1000, period=1, burst=100)


def answers(url: str) -> bool:
    client = sync_redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        return bool(client.ping())
    except sync_redis.RedisError:
        return False
    finally:
        client.close()


@contextmanager
def redis_server(url: str) -> Iterator[str]:
    if answers(url):
        yield url
        return
    executable = shutil.which("redis-server")
    if executable is None:
        sys.exit(f"nothing answers at {url} and redis-server is not on PATH")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [executable, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 5
        while not answers(url):
            if time.monotonic() > deadline:
                sys.exit("the throwaway redis-server did not start")
            time.sleep(0.02)
        yield url
    finally:
        process.terminate()
        process.wait(5)


Call = Callable[[int], Awaitable[Any]]


async def run_loop(call: Call, seconds: float, tasks: int, keys: int) -> dict[str, Any]:
    """`tasks` workers calling `call(key number)` for `seconds`; the loop both Python variants share.
    Also the process's CPU time, which other processes' load on the machine barely moves."""
    counts = [0] * tasks
    stop = time.monotonic() + seconds

    async def worker(i: int) -> None:
        n = i
        while time.monotonic() < stop:
            await call(n % keys)
            counts[i] += 1
            n += tasks

    started, cpu = time.monotonic(), time.process_time()
    await asyncio.gather(*(worker(i) for i in range(tasks)))
    return {"decisions": sum(counts), "seconds": time.monotonic() - started, "cpu": time.process_time() - cpu}


def combined(slices: list[dict[str, Any]]) -> dict[str, Any]:
    decisions = sum(s["decisions"] for s in slices)
    seconds, cpu = sum(s["seconds"] for s in slices), sum(s["cpu"] for s in slices)
    return {
        "decisions": decisions,
        "seconds": round(seconds, 3),
        "per_second": round(decisions / seconds),
        "cpu_us_per_decision": round(cpu / max(decisions, 1) * 1e6, 1),
    }


def ours_call(limiter: RateLimiter) -> Call:
    names = [f"k{n}" for n in range(100_000)]

    async def call(n: int) -> Any:
        return await limiter.check(names[n], LIMIT)

    return call


def bare_call(client: Any, prefix: str) -> Call:
    """EVALSHA with the arguments our limiter sends, the key already prefixed: redis-py and nothing else."""
    names = [f"{prefix}k{n}" for n in range(100_000)]
    interval, burst = emission_interval_us(LIMIT), LIMIT.burst

    async def call(n: int) -> Any:
        return await client.evalsha(GCRA.sha, 1, names[n], interval, burst, 1)

    return call


async def bench_python(
    url: str, prefix: str, seconds: float, tasks: int, keys: int, repeats: int, benchmark: Callable[[], Any]
) -> dict[str, list[dict[str, Any]]]:
    """`ours` and `bare` on one client and pool, interleaved with `benchmark()` (redis-benchmark)."""
    client = create_redis(url, max_connections=tasks)
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "bare": [], "redis_benchmark": []}
    try:
        limiter = RedisRateLimiter(client, prefix=prefix)
        await limiter.load_script()
        variants = {"ours": ours_call(limiter), "bare": bare_call(client, prefix)}
        for call in variants.values():
            await run_loop(call, 0.5, tasks, keys)  # warm the pool and both code paths
        for repeat in range(repeats):
            # Short slices, alternating, so a change in the machine's load hits both variants alike.
            slices: dict[str, list[dict[str, Any]]] = {"ours": [], "bare": []}
            for i in range(SLICES):
                order = ["ours", "bare"] if (repeat + i) % 2 == 0 else ["bare", "ours"]
                for name in order:
                    slices[name].append(await run_loop(variants[name], seconds / SLICES, tasks, keys))
            for name, parts in slices.items():
                runs[name].append(combined(parts))
            runs["redis_benchmark"].append(await asyncio.to_thread(benchmark))
    finally:
        await client.aclose()
    return runs


def spread_of(runs: list[dict[str, Any]], field: str = "per_second") -> dict[str, int] | None:
    rates = [run[field] for run in runs if field in run]
    if not rates:
        return None
    return {"min": min(rates), "median": statistics.median(rates), "max": max(rates)}


def ratio(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float | None:
    return round(a["median"] / b["median"], 3) if a and b else None


def redis_benchmark(
    url: str, prefix: str, requests: int, clients: int, pipeline: int, keys: int
) -> dict[str, Any]:
    executable = shutil.which("redis-benchmark")
    if executable is None:
        return {"error": "redis-benchmark is not on PATH"}
    parsed = urlparse(url)
    command = [
        executable, "-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 6379),
        "--dbnum", (parsed.path.strip("/") or "0"), "-n", str(requests), "-c", str(clients),
        "-P", str(pipeline), "-r", str(keys), "--csv",
        "EVALSHA", GCRA.sha, "1", f"{prefix}__rand_int__", str(emission_interval_us(LIMIT)),
        str(LIMIT.burst), "1",
    ]  # fmt: skip
    if parsed.password:
        command[1:1] = ["-a", parsed.password, "--no-auth-warning"]
    started = time.monotonic()
    out = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout
    elapsed = time.monotonic() - started
    # --csv: a header line, then "EVALSHA ...","<requests per second>",...
    row = [line for line in out.splitlines() if line.startswith('"EVALSHA')][-1]
    shown = [part if part != parsed.password else "***" for part in command]
    return {
        "per_second": round(float(row.split('","')[1])),
        "requests": requests,
        "seconds": round(elapsed, 3),
        "command": " ".join(shown[:shown.index("EVALSHA")]) + " EVALSHA <gcra sha> 1 <key> ...",
    }  # fmt: skip


def cleanup(url: str, prefix: str) -> int:
    client = sync_redis.Redis.from_url(url)
    try:
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        for i in range(0, len(keys), 1000):
            client.delete(*keys[i : i + 1000])
        return len(keys)
    finally:
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each Python run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=64)
    parser.add_argument("--keys", type=int, default=1000)
    args = parser.parse_args()
    if not 1 <= args.keys <= 100_000:
        parser.error("--keys must be 1..100000")
    with redis_server(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")) as url:
        prefix = f"bench:ratelimit:{uuid.uuid4().hex[:8]}:"
        # About as many requests as the Python runs make in `--seconds` at ~10k decisions/s.
        requests = max(20_000, round(10_000 * args.seconds))

        def benchmark() -> dict[str, Any]:
            return redis_benchmark(url, prefix + "rb:", requests, args.tasks, 1, args.keys)

        try:
            runs = asyncio.run(
                bench_python(url, prefix, args.seconds, args.tasks, args.keys, args.repeats, benchmark)
            )
            memory = asyncio.run(run_loop(ours_call(MemoryRateLimiter()), 1.0, args.tasks, args.keys))
        finally:
            cleanup(url, prefix)
    ours, bare, server = (spread_of(runs[name]) for name in ("ours", "bare", "redis_benchmark"))
    ours_cpu, bare_cpu = (spread_of(runs[name], "cpu_us_per_decision") for name in ("ours", "bare"))
    per_repeat = [
        round(o["per_second"] / b["per_second"], 3) for o, b in zip(runs["ours"], runs["bare"], strict=True)
    ]
    print(
        json.dumps(
            {
                "benchmark": "ratelimit",
                "redis_url": url.split("@")[-1],
                "limit": {"rate": LIMIT.rate, "period": LIMIT.period, "burst": LIMIT.burst},
                "tasks": args.tasks,
                "keys": args.keys,
                "repeats": args.repeats,
                "per_second": {"ours": ours, "bare_evalsha_loop": bare, "redis_benchmark_evalsha": server},
                # Each repeat's ratio compares slices run side by side; their median is the headline.
                "ratio_ours_to_bare": statistics.median(per_repeat),
                "ratio_ours_to_bare_of_medians": ratio(ours, bare),
                "cpu_us_per_decision": {"ours": ours_cpu, "bare_evalsha_loop": bare_cpu},
                "ratio_cpu_bare_to_ours": ratio(bare_cpu, ours_cpu),
                "ratio_ours_to_bare_per_repeat": per_repeat,
                "ratio_ours_to_redis_benchmark": ratio(ours, server),
                "ratio_bare_to_redis_benchmark": ratio(bare, server),
                "target_ours_to_bare": TARGET,
                "meets_target": statistics.median(per_repeat) >= TARGET,
                "runs": runs,
                "ours_memory": memory,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
