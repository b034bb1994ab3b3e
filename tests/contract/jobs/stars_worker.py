"""One run of the `reconcile-stars` job in a process of its own, as a `tarot bot` process would run it.

    python stars_worker.py '<json spec>'

The spec names the Postgres database and schema, the job lock's namespace, the bot's Stars
transactions as Telegram lists them (newest first) and a wall-clock moment to start at, so that
several workers overlap. The Telegram side is a real Telethon client whose network is the binding
tests' recorder (tests/unit/telegram/binding_harness.py): `payments.getStarsTransactions` answers
with the spec's transactions, `payments.refundStarsCharge` is recorded. Prints one JSON line: the
job's outcome and counts, the charges it asked Telegram to refund, the notices it sent.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "telegram"))

from attrs import evolve
from binding_harness import FakeDialog, Harness, stars_transaction
from telethon.tl import functions

from adapters.postgres.lock import PostgresJobLock
from adapters.postgres.storage import PostgresStore, create_pool
from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from adapters.telegram.stars import TelegramStarsAccount
from runners.jobs import JobSettings, run_once
from runners.stars_jobs import RECONCILE_STARS, build_stars_jobs
from tarot_domain.model.products import Promotions, default_catalog
from tarot_domain.model.users import User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.payments import PaymentService
from tarot_ports.notices import Notice


class Told:
    def __init__(self) -> None:
        self.notices: list[str] = []

    async def notify(self, user: User, notice: Notice) -> bool:
        self.notices.append(type(notice).__name__)
        return True


def services(store: PostgresStore) -> Services:
    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
    return Services(uow=store.uow, clock=SystemClock(), random=SecretsRandom(), catalog=catalog)


async def run(spec: dict[str, Any]) -> dict[str, Any]:
    pool = create_pool(spec["pg_url"], schema=spec["schema"], min_size=1, max_size=3, timeout=10)
    await pool.open(wait=True)
    try:
        store = PostgresStore(pool)
        world = services(store)
        h = Harness(FakeDialog())
        h.sender.stars_history = [
            stars_transaction(
                t["charge"], t["amount"], payload=t["payload"].encode(), user_id=t["user_id"],
                date=dt.datetime.fromisoformat(t["date"]), refund=t.get("refund"), period=t.get("period"),
            )
            for t in spec["transactions"]
        ]
        told = Told()
        jobs = build_stars_jobs(
            payments=PaymentService(world), services=world,
            account=TelegramStarsAccount(h.outbox, h.client), notifier=told,
            settings=JobSettings(stars_lookback=dt.timedelta(days=spec.get("lookback_days", 7))),
        )  # fmt: skip
        delay = spec.get("start_at", 0) - time.time()
        if delay > 0:
            await asyncio.sleep(delay)
        report = await run_once(RECONCILE_STARS, jobs, PostgresJobLock(pool, namespace=spec["namespace"]))
        refunds = [r.charge_id for r in h.sender.of(functions.payments.RefundStarsChargeRequest)]
        return {
            "outcome": report.outcome, "counts": dict(report.counts), "error": report.error,
            "refunds": refunds, "notices": told.notices,
        }  # fmt: skip
    finally:
        await pool.close()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(json.loads(sys.argv[1])))))
