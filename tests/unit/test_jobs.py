"""Background jobs on memory adapters: what each job does, and how the runner schedules, isolates
failures, avoids overlap and stops."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest
from attrs import define, field
from unit_world import World

from adapters.memory.lock import MemoryJobLock
from runners.jobs import (
    PURGE,
    RECONCILE,
    SWEEP,
    FeedEvent,
    Job,
    JobRunner,
    JobSettings,
    build_jobs,
    make_job_lock,
    run_once,
)
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import REVENUE_READINGS, TransferKind, TransferRequest, user_account
from tarot_domain.model.products import STRIPE
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingRequest
from tarot_ports.payments import PaymentSucceeded, ProviderEvent, ProviderPayment

Counts = dict[str, int]


@define
class Ticks:
    """A `sleep` for the runner: records each delay and returns at once, until `limit` sleeps have been
    asked for; from then on it blocks (until cancelled), so a test knows where every loop stands."""

    limit: int
    delays: list[float] = field(factory=list)
    parked: asyncio.Event = field(factory=asyncio.Event)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        if len(self.delays) > self.limit:
            self.parked.set()
            await asyncio.Event().wait()
        await asyncio.sleep(0)


def job(name: str, run: Callable[[], Awaitable[Counts]], interval: float = 60.0, **kw: object) -> Job:
    return Job(name, interval, run, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ the jobs


async def test_the_sweep_job_releases_an_expired_hold(world: World) -> None:
    uid = await world.new_user(credits=10)
    async with world.store.uow() as uow:
        hold = TransferRequest(
            "reading:crashed", user_account(uid), REVENUE_READINGS, 5, TransferKind.READING, pending=True
        )
        await uow.ledger.submit(hold, world.clock.now())
        await uow.commit()
    jobs = build_jobs(credits=world.credits, uow_factory=world.store.uow, clock=world.clock)
    assert await world.available(uid) == 5
    assert (await run_once(SWEEP, jobs)).counts == {"released": 0}  # not due yet
    world.clock.advance(timedelta(minutes=11))
    report = await run_once(SWEEP, jobs)
    assert (report.outcome, report.counts) == ("ok", {"released": 1})
    assert await world.available(uid) == 10
    assert (await world.credits.check()).ok


async def test_the_purge_blanks_old_readings_only(world: World) -> None:
    uid = await world.new_user(credits=100)

    async def read(key: str) -> str:
        request = ReadingRequest(uid, "single", f"question {key}", key)
        return (await world.readings.request_reading(request)).reading.id

    old = await read("old")
    world.clock.advance(timedelta(days=300))
    recent = await read("recent")
    world.clock.advance(timedelta(days=66))  # `old` is 366 days old, `recent` 66
    settings = JobSettings(retention_days=365)
    jobs = build_jobs(
        credits=world.credits, uow_factory=world.store.uow, clock=world.clock, settings=settings
    )
    assert (await run_once(PURGE, jobs)).counts == {"purged": 1}
    async with world.store.uow() as uow:
        purged, kept = await uow.readings.get(old), await uow.readings.get(recent)
    assert purged is not None and kept is not None
    assert (purged.question, purged.interpretation.text) == ("", "")
    assert purged.cost == 5 and purged.cards  # what was drawn and charged stays
    assert kept.question == "question recent" and kept.interpretation.text
    assert (await run_once(PURGE, jobs)).counts == {"purged": 0}
    assert (await world.credits.check()).ok


def test_which_jobs_are_built(world: World) -> None:
    def names(**kw: object) -> list[str]:
        base = {"credits": world.credits, "uow_factory": world.store.uow, "clock": world.clock}
        return [j.name for j in build_jobs(**base, **kw)]  # type: ignore[arg-type]

    assert names() == [SWEEP, PURGE]
    assert names(settings=JobSettings(retention_days=0)) == [SWEEP]
    assert names(payments=PaymentService(world.services)) == [SWEEP, PURGE]  # no feed: Stripe is off
    both = {"payments": PaymentService(world.services), "event_feed": MemoryFeed()}
    assert names(**both) == [SWEEP, PURGE, RECONCILE]


# ------------------------------------------------------------------------------------------ reconciliation


@define
class MemoryFeed:
    """Stripe's event list, already translated; counts translations and can fail the first ones."""

    events: list[tuple[FeedEvent, ProviderEvent]] = field(factory=list)
    translated: list[str] = field(factory=list)
    failures: list[TarotError] = field(factory=list)

    @property
    def provider(self) -> str:
        return STRIPE

    def add(self, event: ProviderEvent, kind: str = "checkout.session.completed") -> None:
        self.events.append((FeedEvent(event.event_id, kind), event))

    async def recent(self, since: datetime) -> list[FeedEvent]:
        return [listed for listed, _ in self.events]

    async def translate(self, event: FeedEvent) -> ProviderEvent:
        self.translated.append(event.id)
        if self.failures:
            raise self.failures.pop(0)
        return next(provider_event for listed, provider_event in self.events if listed.id == event.id)


async def test_reconciliation_applies_a_missed_event_once(world: World) -> None:
    payments = PaymentService(world.services)
    uid = await world.new_user()
    missed = await payments.create_order(uid, "starter", STRIPE, "USD")
    delivered = await payments.create_order(uid, "starter", STRIPE, "USD")

    def paid(order_id: str, event_id: str) -> PaymentSucceeded:
        return PaymentSucceeded(
            STRIPE, event_id, ProviderPayment(STRIPE, order_id, f"pi_{event_id}", 299, "USD")
        )

    feed = MemoryFeed()
    feed.add(paid(missed.id, "evt_missed"))
    feed.add(paid(delivered.id, "evt_delivered"))
    assert (await payments.apply(paid(delivered.id, "evt_delivered"))).applied  # the webhook got this one
    jobs = build_jobs(
        credits=world.credits,
        uow_factory=world.store.uow,
        clock=world.clock,
        payments=payments,
        event_feed=feed,
    )
    first = await run_once(RECONCILE, jobs)
    assert first.counts == {"listed": 2, "new": 1, "applied": 1}
    assert feed.translated == ["evt_missed"]  # an applied event is not even translated again
    assert await world.available(uid) == 100
    second = await run_once(RECONCILE, jobs)
    assert second.counts == {"listed": 2, "new": 0, "applied": 0}
    assert await world.available(uid) == 100
    late_webhook = await payments.apply(paid(missed.id, "evt_missed"))
    assert not late_webhook.applied and await world.available(uid) == 100
    assert (await world.credits.check()).ok


async def test_an_event_that_fails_is_retried_by_the_next_reconciliation(world: World) -> None:
    payments = PaymentService(world.services)
    uid = await world.new_user()
    order = await payments.create_order(uid, "starter", STRIPE, "USD")
    feed = MemoryFeed(failures=[TarotError(ErrorKind.PAYMENT, "stripe is down", retryable=True)])
    feed.add(PaymentSucceeded(STRIPE, "evt_1", ProviderPayment(STRIPE, order.id, "pi_1", 299, "USD")))
    jobs = build_jobs(
        credits=world.credits,
        uow_factory=world.store.uow,
        clock=world.clock,
        payments=payments,
        event_feed=feed,
    )
    assert (await run_once(RECONCILE, jobs)).counts == {"listed": 1, "new": 1, "applied": 0, "failed": 1}
    assert await world.available(uid) == 0
    assert (await run_once(RECONCILE, jobs)).counts == {"listed": 1, "new": 1, "applied": 1}
    assert await world.available(uid) == 50


async def test_a_refused_event_is_not_applied_again_and_ids_are_checked_in_batches(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    import runners.jobs

    monkeypatch.setattr(runners.jobs, "UNRECORDED_BATCH", 2)
    payments = PaymentService(world.services)
    uid = await world.new_user()
    feed = MemoryFeed()
    for n in range(3):
        order = await payments.create_order(uid, "starter", STRIPE, "USD")
        amount = 1 if n == 0 else 299  # the first one paid the wrong amount: flagged, never granted
        feed.add(
            PaymentSucceeded(STRIPE, f"evt_{n}", ProviderPayment(STRIPE, order.id, f"pi_{n}", amount, "USD"))
        )
    jobs = build_jobs(
        credits=world.credits,
        uow_factory=world.store.uow,
        clock=world.clock,
        payments=payments,
        event_feed=feed,
    )
    first = await run_once(RECONCILE, jobs)
    assert first.counts == {"listed": 3, "new": 3, "applied": 2, "flagged": 1}
    assert (await run_once(RECONCILE, jobs)).counts == {"listed": 3, "new": 0, "applied": 0}
    assert await world.available(uid) == 100


# ------------------------------------------------------------------------------------------ the runner


async def test_a_failing_job_is_logged_and_retried_next_tick(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    async def flaky() -> Counts:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return {"done": 1}

    ticks = Ticks(limit=3)
    flaky_job = job("flaky", flaky, interval=60.0, retry_after=5.0)
    runner = JobRunner([flaky_job], MemoryJobLock(), sleep=ticks, rand=lambda: 0.5)
    caplog.set_level(logging.DEBUG, logger="runners.jobs")
    async with runner:
        await asyncio.wait_for(ticks.parked.wait(), 2)
    assert len(calls) == 3  # the failure did not end the loop
    assert ticks.delays == [15.0, 5.0, 60.0, 60.0]  # first run spread over 30 s; retry_after once
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(failures) == 1 and "job flaky failed" in failures[0].getMessage() and failures[0].exc_info
    finished = [r.getMessage() for r in caplog.records if "finished" in r.getMessage()]
    assert len(finished) == 2 and "done=1" in finished[0]
    assert runner.last["flaky"].outcome == "ok"


async def test_a_job_failing_with_a_tarot_error_reports_it_without_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def down() -> Counts:
        raise TarotError(ErrorKind.DATABASE, "no database", retryable=True)

    report = await run_once("down", [job("down", down)])
    assert (report.outcome, report.error) == ("failed", "database: no database")
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert not record.exc_info


async def test_runs_of_one_job_never_overlap_in_a_process() -> None:
    gate, inside = asyncio.Event(), asyncio.Event()
    active, most = [0], [0]

    async def slow() -> Counts:
        inside.set()
        active[0] += 1
        most[0] = max(most[0], active[0])
        await gate.wait()
        active[0] -= 1
        return {}

    ticks = Ticks(limit=2)
    runner = JobRunner([job("slow", slow, interval=0.001)], MemoryJobLock(), sleep=ticks)
    async with runner:
        await asyncio.wait_for(inside.wait(), 2)
        # the schedule is stuck inside the run; manual runs meanwhile are turned away
        assert [(await runner.run_now("slow")).outcome for _ in range(3)] == ["busy"] * 3
        gate.set()
        await asyncio.wait_for(ticks.parked.wait(), 2)
    assert most[0] == 1


async def test_a_run_is_skipped_while_another_holder_has_the_lock() -> None:
    ran: list[int] = []

    async def work() -> Counts:
        ran.append(1)
        return {"n": 1}

    lock = MemoryJobLock()  # shared, as two runners on one Redis or Postgres would share it
    first, second = JobRunner([job("j", work)], lock), JobRunner([job("j", work)], lock)
    async with lock.hold("j", 60):
        assert (await first.run_now("j")).outcome == "skipped"
    reports = await asyncio.gather(first.run_now("j"), second.run_now("j"))
    assert sorted(r.outcome for r in reports) == ["ok", "ok"]  # one after the other: no overlap
    assert len(ran) == 2


async def test_stop_returns_promptly_and_releases_the_lock() -> None:
    started = asyncio.Event()

    async def forever() -> Counts:
        started.set()
        await asyncio.sleep(3600)
        return {}

    async def idle() -> Counts:
        return {}

    lock = MemoryJobLock()
    runner = JobRunner(
        [job("forever", forever), job("idle", idle, interval=3600)], lock, startup_spread=0, stop_grace=1
    )
    runner.start()
    await asyncio.wait_for(started.wait(), 2)
    async with asyncio.timeout(1):
        await runner.stop()
    async with lock.hold("forever", 60) as held:
        assert held
    await runner.stop()  # stopping twice is harmless


async def test_jittered_intervals_stay_within_bounds() -> None:
    async def noop() -> Counts:
        return {}

    for rand, expected in ((lambda: 0.0, 90.0), (lambda: 1.0, 110.0)):
        ticks = Ticks(limit=2)
        async with JobRunner([job("n", noop, interval=100)], MemoryJobLock(), sleep=ticks, rand=rand):
            await asyncio.wait_for(ticks.parked.wait(), 2)
        assert ticks.delays[1:] == [pytest.approx(expected)] * 2


async def test_the_runner_refuses_what_makes_no_sense() -> None:
    async def noop() -> Counts:
        return {}

    with pytest.raises(ValueError):
        JobRunner([job("a", noop), job("a", noop)], MemoryJobLock())
    with pytest.raises(ValueError):
        job("a", noop, interval=0)
    with pytest.raises(ValueError):
        await run_once("missing", [job("a", noop)])


async def test_the_memory_lock_is_released_when_its_holder_fails() -> None:
    lock = MemoryJobLock()
    with pytest.raises(RuntimeError):
        async with lock.hold("x", 1) as held:
            assert held
            async with lock.hold("x", 1) as again:
                assert not again
            raise RuntimeError
    async with lock.hold("x", 1) as held:
        assert held
    with pytest.raises(ValueError):
        async with lock.hold("x", 0):
            pass


def test_without_postgres_or_redis_the_lock_is_in_process() -> None:
    assert isinstance(make_job_lock(), MemoryJobLock)
