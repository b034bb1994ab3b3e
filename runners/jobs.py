"""Background jobs inside the serving processes (`tarot bot`, `tarot web`, `tarot serve`).

Jobs (see `build_jobs`):
- `sweep` (every minute): `CreditService.sweep()` voids holds whose time is up, so a reading that
  crashed between its hold and its capture never strands credits.
- `purge` (daily, when `retention_days` > 0): blanks question, answers and texts of readings older than
  `retention_days` (`ReadingRepository.purge_older_than`); rows and the ledger stay.
- `reconcile` (hourly, only when Stripe is on): lists Stripe's events of the last `reconcile_lookback`
  (3 days) and applies every one the webhook missed through the webhook's own path
  (`StripeEventTranslator.translate`, then `PaymentService.apply`). The processed-event id that `apply`
  claims in the same unit of work makes an event that was already applied a no-op, so the webhook and
  reconciliation can race, and reconciliation can run any number of times, without granting twice.
  This also repairs missed subscription grants: a renewal whose `invoice.paid` never arrived is listed
  and granted here, as is a missed `checkout.session.completed`, refund, dispute or cancellation.
  Events are applied oldest first, the order Stripe sent them; the payments use case copes with any
  order anyway. Before translating (which may call Stripe), the ids are checked against the
  processed-event store in one unit of work that is rolled back, so already-applied events cost no
  API calls. An event that fails (a retryable store or Stripe error) stays unapplied and is retried on
  the next run, as long as it is within the look-back.

The bot's own jobs (runners/stars_jobs.py), run by the processes that hold the Telegram connection once
it is logged in (`tarot bot`, `tarot serve`), under the same locks:
- `reconcile-stars` (hourly): Telegram's list of the bot's Stars transactions of the last
  `stars_lookback` (7 days) against the books (tarot_domain/use_cases/stars.py): a charge whose
  successful-payment message never reached us is booked exactly once (the processed event
  `tg:<charge>` that the message would have claimed, and the charge id unique per provider), a missed
  refund is booked, and Stars money we cannot accept is returned; each buyer is told.
- `stars-refunds` (every 30 seconds): carries out the Stars refunds that wait (an operator's
  `tarot admin refund`, money returned automatically); Telegram refusing flags the payment.
- `pass-reminders` (hourly): three days before a one-off tier pass ends, its buyer hears so once
  (tarot_domain/use_cases/reminders.py), unless they asked not to.

Every job is idempotent, and a run holds a `JobLock` named after the job (a Postgres advisory lock, a
Redis lock, or an in-process lock; see `make_job_lock`), so several processes can serve at once: of
runs that overlap, one does the work and the others skip. Runs that do not overlap may repeat each
other's work (each process keeps its own schedule); that costs a query, never a double effect.

`JobRunner` runs each job on its interval with jitter (so processes started together do not run in
lockstep), one run of a job at a time per process, logs every run on the `runners.jobs` logger, never
lets a failing job escape (it is retried after `retry_after`, at most one interval later), and stops
promptly with `await runner.stop()`.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self

from attrs import field, frozen

from tarot_domain.model.errors import TarotError
from tarot_domain.use_cases import retention
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.reminders import REMINDER_LEAD
from tarot_ports.clock import Clock
from tarot_ports.locks import JobLock
from tarot_ports.payments import ProviderEvent
from tarot_ports.storage import UnitOfWorkFactory

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from adapters.postgres.storage import PostgresStore
    from adapters.stripe_http.client import StripeClient
    from adapters.stripe_http.events import StripeEventTranslator

logger = logging.getLogger("runners.jobs")

SWEEP, PURGE, RECONCILE = "sweep", "purge", "reconcile"
Counts = Mapping[str, int]
Sleep = Callable[[float], Awaitable[None]]
Outcome = Literal["ok", "skipped", "busy", "failed"]
UNRECORDED_BATCH = 500

# What the translator turns into something other than EventIgnored (Stripe filters by up to 20 types).
STRIPE_EVENT_TYPES = (
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.async_payment_failed",
    "checkout.session.expired",
    "invoice.paid",
    "charge.refunded",
    "charge.dispute.created",
    "charge.dispute.updated",
    "charge.dispute.closed",
    "charge.dispute.funds_withdrawn",
    "charge.dispute.funds_reinstated",
    "customer.subscription.deleted",
)


def _positive(_: object, attribute: Any, value: float) -> None:
    if not value > 0:
        raise ValueError(f"{attribute.name} must be above 0, got {value!r}")


@frozen
class Job:
    """`run` does one run and returns what it did as counts (`{"released": 3}`).

    `lock_ttl`: how long the lock outlives a holder that died (Redis; renewed while the run lives).
    `retry_after`: the wait after a failed run, when shorter than `interval`. `idle_level`: the log
    level of a run's start, and of its finish when all its counts are zero (a per-minute sweep that
    found nothing is not news); failures are always ERROR.
    """

    name: str
    interval: float = field(validator=_positive)
    run: Callable[[], Awaitable[Counts]]
    lock_ttl: float = field(default=120.0, validator=_positive)
    retry_after: float | None = None
    idle_level: int = logging.INFO


@frozen
class JobReport:
    job: str
    outcome: Outcome  # ok; skipped: another process holds the lock; busy: already running here; failed
    counts: Counts = field(factory=dict)
    seconds: float = 0.0
    error: str | None = None


@frozen
class JobSettings:
    """Intervals in seconds. `retention_days` <= 0 turns the purge off."""

    retention_days: int = 365
    sweep_every: float = 60.0
    purge_every: float = 86_400.0
    reconcile_every: float = 3_600.0
    reconcile_lookback: timedelta = timedelta(days=3)
    retry_after: float = 300.0
    stars_reconcile_every: float = 3_600.0
    stars_lookback: timedelta = timedelta(days=7)
    stars_refunds_every: float = 30.0
    reminders_every: float = 3_600.0
    reminder_lead: timedelta = REMINDER_LEAD


# ------------------------------------------------------------------------------------------ the jobs


async def sweep_expired_holds(credits: CreditService) -> Counts:
    return {"released": len(await credits.sweep())}


async def purge_old_readings(uow_factory: UnitOfWorkFactory, clock: Clock, retention_days: int) -> Counts:
    purged = await retention.purge_old_readings(uow_factory, clock, retention_days)
    return {"purged": purged.readings}


@frozen
class FeedEvent:
    """One event as the provider lists it; `data` is the provider's own object (Stripe's event JSON)."""

    id: str
    type: str
    data: Mapping[str, Any] = field(factory=dict)


class EventFeed(Protocol):
    """A provider's recent events and their translation, for reconciliation."""

    @property
    def provider(self) -> str: ...

    async def recent(self, since: datetime) -> list[FeedEvent]:
        """Events created at or after `since`, oldest first. Raises PAYMENT."""
        ...

    async def translate(self, event: FeedEvent) -> ProviderEvent:
        """What the webhook would make of it. Raises ValueError/KeyError (malformed) or PAYMENT."""
        ...


class StripeEventFeed:
    """Stripe's `GET /v1/events` through the client, translated exactly as the webhook translates."""

    def __init__(
        self,
        client: StripeClient,
        translator: StripeEventTranslator | None = None,
        *,
        max_events: int = 10_000,
    ) -> None:
        from adapters.stripe_http.events import StripeEventTranslator

        self._client = client
        self._translator = translator or StripeEventTranslator(client)
        self._max = max_events

    @property
    def provider(self) -> str:
        from tarot_domain.model.products import STRIPE

        return STRIPE

    async def recent(self, since: datetime) -> list[FeedEvent]:
        listed = [
            FeedEvent(str(raw["id"]), str(raw.get("type", "")), raw)
            async for raw in self._client.iter_events(
                types=STRIPE_EVENT_TYPES, created_gte=int(since.timestamp()), max_events=self._max
            )
        ]
        return listed[::-1]  # Stripe lists newest first

    async def translate(self, event: FeedEvent) -> ProviderEvent:
        return await self._translator.translate(event.data)


async def reconcile_payments(
    payments: PaymentService,
    feed: EventFeed,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    lookback: timedelta,
) -> Counts:
    """Apply every recent event the store has not recorded (see the module docstring)."""
    events = await feed.recent(clock.now() - lookback)
    new = await _unrecorded(uow_factory, feed.provider, [e.id for e in events], clock.now())
    counts: Counter[str] = Counter(listed=len(events), new=len(new))
    for listed in events:
        if listed.id not in new:
            continue
        try:
            event = await feed.translate(listed)
            outcome = await payments.apply(event)
        except (ValueError, KeyError) as error:  # the webhook answers these with a 400, too
            counts["malformed"] += 1
            logger.warning("reconcile: %s event %s is malformed: %s", feed.provider, listed.id, error)
            continue
        except TarotError as error:
            counts["failed" if error.retryable else "refused"] += 1
            logger.warning(
                "reconcile: %s event %s (%s) not applied%s: %s",
                feed.provider, listed.id, listed.type,
                ", retried next run" if error.retryable else "", error.detail,
            )  # fmt: skip
            continue
        counts["flagged" if outcome.flagged else "applied" if outcome.applied else "skipped"] += 1
        if outcome.applied:
            logger.info(
                "reconcile: applied missed %s event %s (%s): granted %d, took %d, restored %d",
                feed.provider, listed.id, listed.type,
                outcome.credits_granted, outcome.credits_taken, outcome.credits_restored,
            )  # fmt: skip
    return {"listed": 0, "new": 0, "applied": 0, **counts}


async def _unrecorded(
    uow_factory: UnitOfWorkFactory, provider: str, event_ids: Iterable[str], now: datetime
) -> set[str]:
    """The ids the processed-event store has not recorded. The port can only mark, so mark them and roll
    back: this asks, it records nothing (`apply` claims each id for real). Batches keep each rolled-back
    transaction short, since a webhook claiming one of its ids meanwhile waits for it."""
    ids = list(dict.fromkeys(event_ids))
    new: set[str] = set()
    for start in range(0, len(ids), UNRECORDED_BATCH):
        async with uow_factory() as uow:  # left without commit: rolled back
            for event_id in ids[start : start + UNRECORDED_BATCH]:
                if await uow.events.mark(provider, event_id, now):
                    new.add(event_id)
    return new


def build_jobs(
    *,
    credits: CreditService,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    payments: PaymentService | None = None,
    event_feed: EventFeed | None = None,
    settings: JobSettings | None = None,
) -> list[Job]:
    """The serving processes' jobs. Reconciliation is there only with both `payments` and `event_feed`
    (Stripe on); the purge only with `settings.retention_days` > 0."""
    s = settings or JobSettings()
    jobs = [
        Job(SWEEP, s.sweep_every, lambda: sweep_expired_holds(credits), idle_level=logging.DEBUG),
    ]
    if s.retention_days > 0:
        days = s.retention_days
        jobs.append(
            Job(
                PURGE,
                s.purge_every,
                lambda: purge_old_readings(uow_factory, clock, days),
                lock_ttl=600.0,
                retry_after=s.retry_after,
            )
        )
    if payments is not None and event_feed is not None:
        pay, feed, lookback = payments, event_feed, s.reconcile_lookback
        jobs.append(
            Job(
                RECONCILE,
                s.reconcile_every,
                lambda: reconcile_payments(pay, feed, uow_factory, clock, lookback),
                lock_ttl=600.0,
                retry_after=s.retry_after,
            )
        )
    return jobs


# ------------------------------------------------------------------------------------------ locks


def make_job_lock(redis: Redis | None = None, postgres: PostgresStore | None = None) -> JobLock:
    """The lock every process that shares the store can see: a Postgres advisory lock when the store is
    Postgres (it dies with its session, no ttl to tune), else a Redis lock, else an in-process lock
    (embedded mode: one process, SQLite or memory)."""
    if postgres is not None:
        from adapters.postgres.lock import PostgresJobLock

        return PostgresJobLock(postgres.pool)
    if redis is not None:
        from adapters.redis.lock import RedisJobLock

        return RedisJobLock(redis)
    from adapters.memory.lock import MemoryJobLock

    return MemoryJobLock()


# ------------------------------------------------------------------------------------------ the runner


class JobRunner:
    """Runs each job on its own schedule until stopped: `async with JobRunner(jobs, lock):` or
    `runner.start()` … `await runner.stop()`.

    The first run of a job comes a random moment within `min(startup_spread, interval)` after start;
    the next ones `interval` apart, each stretched or shrunk by up to `jitter` (a fraction). `stop()`
    waits up to `stop_grace` seconds for cancelled runs to finish. `sleep`,
    `monotonic` and `rand` are there for tests.
    """

    def __init__(
        self,
        jobs: Sequence[Job],
        lock: JobLock,
        *,
        jitter: float = 0.1,
        startup_spread: float = 30.0,
        stop_grace: float = 10.0,
        sleep: Sleep = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
    ) -> None:
        names = [job.name for job in jobs]
        if len(set(names)) != len(names):
            raise ValueError(f"job names must be unique, got {names}")
        if not 0 <= jitter < 1:
            raise ValueError(f"jitter must be in [0, 1), got {jitter}")
        self._jobs = {job.name: job for job in jobs}
        self._lock = lock
        self._jitter = jitter
        self._spread = max(0.0, startup_spread)
        self._grace = stop_grace
        self._sleep = sleep
        self._monotonic = monotonic
        self._rand = rand
        self._running: set[str] = set()
        self._tasks: list[asyncio.Task[None]] = []
        self.last: dict[str, JobReport] = {}

    @property
    def jobs(self) -> list[str]:
        return list(self._jobs)

    def start(self) -> None:
        """Schedule every job on the running loop."""
        if self._tasks:
            raise RuntimeError("the job runner is already started")
        self._tasks = [
            asyncio.create_task(self._loop(job), name=f"job:{job.name}") for job in self._jobs.values()
        ]
        logger.info("jobs started: %s", ", ".join(self._jobs) or "none")

    async def stop(self) -> None:
        """Cancel every job (a run in progress is cancelled too: its unit of work rolls back, its lock is
        released) and wait up to `stop_grace` seconds for them to finish."""
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        if not tasks:
            return
        _, pending = await asyncio.wait(tasks, timeout=self._grace)
        if pending:
            names = ", ".join(t.get_name() for t in pending)
            logger.warning("jobs still stopping after %.1fs: %s", self._grace, names)
        else:
            logger.info("jobs stopped")

    async def __aenter__(self) -> Self:
        self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def run_now(self, name: str) -> JobReport:
        """One run of job `name`, now, under its lock. Never raises what the job raises (it is in the
        report), only ValueError for an unknown job and CancelledError when cancelled."""
        job = self._jobs.get(name)
        if job is None:
            raise ValueError(f"no job {name!r}; jobs: {', '.join(self._jobs)}")
        if name in self._running:  # no overlapping runs of one job in one process
            logger.debug("job %s: still running here, this run is skipped", name)
            return JobReport(name, "busy")
        self._running.add(name)
        started = self._monotonic()
        try:
            report = await self._run_locked(job, started)
        finally:
            self._running.discard(name)
        self.last[name] = report
        return report

    async def _run_locked(self, job: Job, started: float) -> JobReport:
        try:
            async with self._lock.hold(job.name, job.lock_ttl) as held:
                if not held:
                    logger.debug("job %s: another process holds its lock, skipped", job.name)
                    return JobReport(job.name, "skipped")
                logger.log(job.idle_level, "job %s started", job.name)
                counts = dict(await job.run())
        except Exception as error:  # a failing job must not stop the others nor the process
            seconds = self._monotonic() - started
            known = isinstance(error, TarotError)
            detail = f"{error.kind.value}: {error.detail}" if isinstance(error, TarotError) else repr(error)
            logger.error("job %s failed after %.3fs: %s", job.name, seconds, detail, exc_info=not known)
            return JobReport(job.name, "failed", seconds=seconds, error=detail)
        seconds = self._monotonic() - started
        summary = ", ".join(f"{key}={value}" for key, value in counts.items()) or "nothing to report"
        level = logging.INFO if any(counts.values()) else job.idle_level
        logger.log(level, "job %s finished in %.3fs: %s", job.name, seconds, summary)
        return JobReport(job.name, "ok", counts, seconds)

    async def _loop(self, job: Job) -> None:
        delay = self._rand() * min(self._spread, job.interval)
        while True:
            await self._sleep(delay)
            report = await self.run_now(job.name)
            delay = job.interval * (1 + self._jitter * (2 * self._rand() - 1))
            if report.outcome == "failed" and job.retry_after is not None:
                delay = min(delay, job.retry_after)


async def run_once(job_name: str, jobs: Sequence[Job], lock: JobLock | None = None) -> JobReport:
    """One run of one job under `lock` (an in-process lock when None): for tests and operator commands."""
    from adapters.memory.lock import MemoryJobLock

    return await JobRunner(jobs, lock or MemoryJobLock()).run_now(job_name)
