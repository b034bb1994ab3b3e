"""Rate-limiter throughput: our RedisRateLimiter against redis-benchmark running the same script.

    python bench/ratelimit.py [--seconds 5] [--tasks 64] [--keys 1000]

Prints one JSON object: decisions per second from one Python process with `--tasks` concurrent tasks on
one pool of as many connections; redis-benchmark running EVALSHA of the same GCRA script with as many
clients (the server's ceiling for this workload without pipelining, and with pipelining 16 deep); and
the ratio ours / redis-benchmark. Uses REDIS_URL (default redis://127.0.0.1:6379/15), or a throwaway
redis-server on a free port when nothing answers there. Its keys are deleted afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

import redis as sync_redis

from adapters.memory.rate_limit import MemoryRateLimiter
from adapters.redis import RedisRateLimiter, create_redis
from adapters.redis.rate_limit import GCRA
from tarot_ports.rate_limit import RateLimit

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


async def run_ours(limiter: Any, seconds: float, tasks: int, keys: int) -> dict[str, Any]:
    counts = [0] * tasks
    allowed = [0] * tasks
    stop = time.monotonic() + seconds

    async def worker(i: int) -> None:
        n = i
        while time.monotonic() < stop:
            decision = await limiter.check(f"k{n % keys}", LIMIT)
            counts[i] += 1
            allowed[i] += decision.allowed
            n += tasks

    started = time.monotonic()
    await asyncio.gather(*(worker(i) for i in range(tasks)))
    elapsed = time.monotonic() - started
    total = sum(counts)
    return {
        "decisions": total,
        "seconds": round(elapsed, 3),
        "per_second": round(total / elapsed),
        "allowed_share": round(sum(allowed) / max(total, 1), 3),
    }


async def bench_ours(url: str, prefix: str, seconds: float, tasks: int, keys: int) -> dict[str, Any]:
    client = create_redis(url, max_connections=tasks)
    try:
        limiter = RedisRateLimiter(client, prefix=prefix)
        await limiter.load_script()
        await run_ours(limiter, 0.5, tasks, keys)  # warm the pool
        return await run_ours(limiter, seconds, tasks, keys)
    finally:
        await client.aclose()


def redis_benchmark(url: str, prefix: str, requests: int, clients: int, pipeline: int) -> dict[str, Any]:
    executable = shutil.which("redis-benchmark")
    if executable is None:
        return {"error": "redis-benchmark is not on PATH"}
    parsed = urlparse(url)
    command = [
        executable, "-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 6379),
        "--dbnum", (parsed.path.strip("/") or "0"), "-n", str(requests), "-c", str(clients),
        "-P", str(pipeline), "-r", "1000", "--csv",
        "EVALSHA", GCRA.sha, "1", f"{prefix}__rand_int__", str(round(LIMIT.emission_interval * 1e6)),
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
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--tasks", type=int, default=64)
    parser.add_argument("--keys", type=int, default=1000)
    args = parser.parse_args()
    with redis_server(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")) as url:
        prefix = f"bench:ratelimit:{uuid.uuid4().hex[:8]}:"
        try:
            ours = asyncio.run(bench_ours(url, prefix + "ours:", args.seconds, args.tasks, args.keys))
            # Size redis-benchmark's runs from our rate so each takes a few seconds at most.
            n = max(20_000, min(1_000_000, ours["per_second"] * 8))
            plain = redis_benchmark(url, prefix + "rb:", n, args.tasks, 1)
            piped = redis_benchmark(url, prefix + "rbp:", n * 4, args.tasks, 16)
            memory = asyncio.run(run_ours(MemoryRateLimiter(), 1.0, args.tasks, args.keys))
        finally:
            cleanup(url, prefix)
    print(
        json.dumps(
            {
                "redis_url": url.split("@")[-1],
                "limit": {"rate": LIMIT.rate, "period": LIMIT.period, "burst": LIMIT.burst},
                "tasks": args.tasks,
                "keys": args.keys,
                "ours_redis": ours,
                "redis_benchmark_evalsha": plain,
                "redis_benchmark_evalsha_pipelined_16": piped,
                "ratio_ours_to_redis_benchmark": round(ours["per_second"] / plain["per_second"], 3)
                if "per_second" in plain
                else None,
                "ours_memory": memory,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
