"""Readings per second through the real storage path on Postgres, against pgbench running the same
statements, interleaved.

Ours: the web endpoint's database work for a known user, unchanged: `UserService.register` (find the
person), then `ReadingService.request_reading` with an instant interpreter (hold in one commit; the
reading saved, the hold posted and the slotted revenue credited in a second), through the adapter's
pool of 10 connections, at concurrency 16 and 64.

pgbench: one reading of ours is recorded through the adapter (every statement it sends, grouped into
the messages it sends them in), and that recording becomes the pgbench script: values that differ per
reading become pgbench variables (user, idempotency key, reading id, balance slot, timestamps), and a
message of several statements becomes one compound command (`\\;`, one round trip), exactly as ours.
pgbench uses one connection per client (16 or 64), and the simple protocol (it must, for `\\;`).

The two alternate, 3 repeats by default; the JSON gives min/median/max per side and the ratio.

    python bench/ledger.py [--seconds 5] [--repeats 3] [--concurrency 16,64] [--database-url ...]

Everything happens in a throwaway schema, dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from echo_interpreter import EchoInterpreter

from adapters.memory.clock import ManualClock
from adapters.postgres import storage as pg_storage
from adapters.postgres.migrations import migrate_database
from adapters.postgres.storage import PostgresStore, create_pool
from adapters.system.clock import SystemClock
from tarot_domain.model.ledger import ISSUANCE_GRANTS, TransferKind, TransferRequest, user_account
from tarot_domain.model.users import Preferences, User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_domain.use_cases.users import UserService

INSTANT = EchoInterpreter("instant")
USERS = 64
POOL = 10
SPREAD = "single"
# Sentinels of the recorded reading, replaced by pgbench variables in the script.
REC_USER, REC_KEY, REC_READING, REC_SLOT = "bu9999", "key777777777", "rid888888888", 251
REC_NOW = datetime(2031, 1, 1, tzinfo=UTC)


class _Ids:
    """Reading ids: unique per run, or the sentinel while recording."""

    def __init__(self, fixed: str | None = None) -> None:
        self._fixed, self._n, self._run = fixed, 0, uuid.uuid4().hex[:8]

    def randbelow(self, n: int) -> int:
        self._n += 1
        return (self._n * 7919) % n

    def token(self, nbytes: int = 16) -> str:
        self._n += 1
        return self._fixed or f"{self._run}{self._n:08d}"


def _services(store: PostgresStore, *, recording: bool = False) -> Services:
    clock = ManualClock(REC_NOW) if recording else SystemClock()
    return Services(uow=store.uow, clock=clock, random=_Ids(REC_READING if recording else None))


async def _one_reading(users: UserService, readings: ReadingService, user: str, key: str) -> None:
    person = (await users.register(f"api:bench:{user}", "en")).user
    await readings.request_reading(ReadingRequest(person.id, SPREAD, "What should I know today?", key))


async def _seed(store: PostgresStore) -> None:
    """Users bu0..bu63 (and the recording's own), known already (seen "later" than any run, so
    registering them writes nothing), each with credits for every reading of the run."""
    async with store.uow() as uow:
        for name in [*(f"bu{i}" for i in range(USERS)), REC_USER]:
            await uow.users.add(
                User(id=name, external_ref=f"api:bench:{name}", preferences=Preferences(language="en"),
                     created_at=REC_NOW, last_seen_at=REC_NOW)
            )  # fmt: skip
            grant = TransferRequest(
                f"seed-{name}", ISSUANCE_GRANTS, user_account(name), 10**12, TransferKind.GRANT
            )
            await uow.ledger.submit(grant, datetime.now(UTC))
        await uow.commit()


# ---------------------------------------------------------------------------------------------------
# Recording one reading as a pgbench script


@contextlib.contextmanager
def _recording(into: list[list[tuple[str, Any]]]) -> Iterator[None]:
    """Keep every message the adapter sends (a list of its statements), and pin the balance slot."""
    send, slot_of = pg_storage._Db._send, pg_storage._slot_of

    async def recording(self: pg_storage._Db, batch: list[Any]) -> None:
        begins = not self.in_transaction and any(pg_storage._writes(c.query) for c in batch)
        into.append(([("BEGIN", None)] if begins else []) + [(c.query, c.params) for c in batch])
        await send(self, batch)

    async def committing(self: pg_storage.PostgresUnitOfWork) -> None:
        if self._conn is not None and self._conn.info.transaction_status != 0:
            into.append([("COMMIT", None)])
        await commit(self)

    commit = pg_storage.PostgresUnitOfWork.commit
    pg_storage._Db._send = recording  # type: ignore[method-assign]
    pg_storage._slot_of = lambda transfer_id: REC_SLOT
    pg_storage.PostgresUnitOfWork.commit = committing  # type: ignore[method-assign]
    try:
        yield
    finally:
        pg_storage._Db._send = send  # type: ignore[method-assign]
        pg_storage._slot_of = slot_of
        pg_storage.PostgresUnitOfWork.commit = commit  # type: ignore[method-assign]


async def record_script(store: PostgresStore) -> tuple[str, int, int]:
    """The pgbench script of one reading; also how many messages (round trips) and commits it has."""
    messages: list[list[tuple[str, Any]]] = []
    services = _services(store, recording=True)
    with _recording(messages):
        await _one_reading(
            UserService(services), ReadingService(services, INSTANT, INSTANT), REC_USER, REC_KEY
        )
    async with await psycopg.AsyncConnection.connect(store.pool.conninfo) as conn:
        cur = psycopg.ClientCursor(conn)
        ttl = services.hold_ttl
        literals = {
            cur.mogrify("%s", (REC_NOW,)): "now()",
            cur.mogrify("%s", (REC_NOW + ttl,)): f"(now() + interval '{int(ttl.total_seconds())} seconds')",
        }
        lines = [f"\\set u random(0, {USERS - 1})", "\\set k random(1, 1000000000000000)"]
        for message in messages:
            texts = []
            for query, params in message:
                text = query if params is None else cur.mogrify(query, params)
                for literal, expression in literals.items():
                    text = text.replace(literal, expression)
                text = text.replace(REC_USER, "bu:u").replace(REC_KEY, "key:k").replace(REC_READING, "rid:k")
                text = re.sub(rf"\b{REC_SLOT}\b", "(:k % 16)", text)
                texts.append(" ".join(text.split()))
            lines.append(" \\;\n".join(texts) + ";")
    commits = sum(1 for m in messages if m == [("COMMIT", None)])
    return "\n".join(lines) + "\n", len(messages), commits


# ---------------------------------------------------------------------------------------------------
# The two sides


_cpu_ms: list[float] = []  # this process's CPU per reading, each run of ours


async def ours(store: PostgresStore, concurrency: int, seconds: float) -> float:
    services = _services(store)
    users, readings = UserService(services), ReadingService(services, INSTANT, INSTANT)
    stop = time.perf_counter() + seconds
    done = 0
    run = uuid.uuid4().hex[:6]

    async def worker(w: int) -> None:
        nonlocal done
        i = 0
        while time.perf_counter() < stop:
            await _one_reading(users, readings, f"bu{(w * 7 + i) % USERS}", f"{run}-{w}-{i}")
            i += 1
            done += 1

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    _cpu_ms.append((time.process_time() - cpu) * 1000 / max(done, 1))
    return done / (time.perf_counter() - started)


def pgbench(url: str, schema: str, script: str, clients: int, seconds: float) -> float:
    tool = shutil.which("pgbench")
    assert tool is not None
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
        path = f.name
    try:
        env = dict(os.environ, PGOPTIONS=f"-csearch_path={schema}")
        threads = str(min(clients, os.cpu_count() or 1))
        command = [tool, "-n", "-M", "simple", "-c", str(clients), "-j", threads]
        command += ["-T", str(max(1, round(seconds))), "-f", path, url]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=seconds + 120)
        if done.returncode != 0:
            raise RuntimeError(f"pgbench failed: {done.stderr.strip()[-1500:]}")
    finally:
        os.unlink(path)
    found = re.search(r"tps = ([0-9.]+)", done.stdout)
    assert found is not None, done.stdout
    return float(found.group(1))


# ---------------------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def _schema(url: str) -> AsyncIterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    try:
        await migrate_database(url, schema)
        yield schema
    finally:
        async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA {schema} CASCADE")  # type: ignore[arg-type]


def _spread(values: list[float], digits: int = 1) -> dict[str, float]:
    return {
        "min": round(min(values), digits),
        "median": round(statistics.median(values), digits),
        "max": round(max(values), digits),
    }


async def run(url: str, levels: list[int], seconds: float, repeats: int) -> dict[str, Any]:
    async with _schema(url) as schema:
        pool = create_pool(url, schema=schema, min_size=POOL, max_size=POOL)
        await pool.open(wait=True)
        try:
            store = PostgresStore(pool)
            await _seed(store)
            script, messages, commits = await record_script(store)
            await ours(store, max(levels), 1.0)  # warm up: connections, prepared statements
            await asyncio.to_thread(pgbench, url, schema, script, max(levels), 1.0)
            # The hot row, for comparison: the same script with every reading on one revenue row.
            hot = script.replace("(:k % 16)", "0")
            runs: dict[int, dict[str, list[float]]] = {
                c: {"ours": [], "pgbench": [], "pgbench_one_revenue_row": []} for c in levels
            }
            for _ in range(repeats):
                for c in levels:
                    runs[c]["ours"].append(await ours(store, c, seconds))
                    for side, text in (("pgbench", script), ("pgbench_one_revenue_row", hot)):
                        runs[c][side].append(await asyncio.to_thread(pgbench, url, schema, text, c, seconds))
        finally:
            await pool.close()
    figures: dict[str, Any] = {}
    for c, sides in runs.items():
        ratios = [o / p for o, p in zip(sides["ours"], sides["pgbench"], strict=True)]
        figures[str(c)] = {
            "ours_readings_per_s": _spread(sides["ours"]),
            "pgbench_readings_per_s": _spread(sides["pgbench"]),
            "ratio_ours_to_pgbench": _spread(ratios, 3),
            "ratio_pgbench_slotted_to_one_row": _spread(
                [a / b for a, b in zip(sides["pgbench"], sides["pgbench_one_revenue_row"], strict=True)], 3
            ),
            "runs": {k: [round(x, 1) for x in v] for k, v in sides.items()},
        }
    return {
        "unit": "readings/s (register a known user, then hold; save + post + slotted revenue)",
        "pool_size": POOL,
        "seconds_per_run": seconds,
        "repeats": repeats,
        "per_reading": {"round_trips": messages, "commits": commits},
        "ours_python_cpu_ms_per_reading": _spread(_cpu_ms[1:]),  # the warm-up run left out
        "cpus": os.cpu_count(),
        "load_average_at_end": os.getloadavg()[0],
        "concurrency": figures,
        "script": script,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--concurrency", default="16,64")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("TEST_DATABASE_URL")
        or os.environ.get("DATABASE_URL")
        or "postgresql://postgres@127.0.0.1:5432/test",
    )
    parser.add_argument("--no-script", action="store_true", help="leave the pgbench script out of the JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    report = asyncio.run(
        run(args.database_url, [int(x) for x in args.concurrency.split(",")], args.seconds, args.repeats)
    )
    if args.no_script:
        report.pop("script")
    report["wall_seconds"] = round(time.perf_counter() - started, 1)
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
