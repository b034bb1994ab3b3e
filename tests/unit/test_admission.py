"""Admission control (issue 21 point 3): readings refused at the door when the process carries its limit,
before any hold, draw or interpreter call; closing saves served ahead of new arrivals; the provider's
pace; the open-file limit at start."""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from typing import Any

import pytest
from psycopg_pool import PoolTimeout
from unit_world import ScriptedInterpreter, World

from adapters.http.problems import body_of, from_error
from adapters.openai_http.pacing import Pacer
from adapters.postgres.priority import PriorityGate
from tarot_domain.model.errors import ErrorKind, TarotError, error_message
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.use_cases.admission import Admission, busy
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_ports.interpreter import InterpretationRequest, OnDelta


class HeldInterpreter:
    """Answers through `inner` once `release` is set; counts the calls that started."""

    def __init__(self, inner: ScriptedInterpreter) -> None:
        self.inner = inner
        self.release = asyncio.Event()
        self.started = 0

    @property
    def name(self) -> str:
        return self.inner.name

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        self.started += 1
        await self.release.wait()
        return await self.inner.interpret(request, on_delta)

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        self.started += 1
        await self.release.wait()
        return await self.inner.follow_up(reading, earlier, question, on_delta, safety=safety)


def ask(user_id: str, key: str) -> ReadingRequest:
    return ReadingRequest(user_id=user_id, spread_id="single", question="What now?", idempotency_key=key)


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


def test_admission_counts_places_and_frees_them() -> None:
    admission = Admission(2)
    with admission.admitted(), admission.admitted():
        assert admission.in_flight == 2
        with pytest.raises(TarotError) as caught, admission.admitted():
            pass
        assert caught.value.kind is ErrorKind.RATE_LIMITED and caught.value.message_key == "error.busy"
        assert caught.value.retryable
    assert (admission.in_flight, admission.peak, admission.refused) == (0, 2, 1)
    with pytest.raises(ValueError):
        Admission(0)


async def test_over_the_limit_a_reading_is_refused_before_the_hold_and_charges_nothing(world: World) -> None:
    held = HeldInterpreter(world.interpreter)
    readings = ReadingService(world.services, held, world.fallback, Admission(2))
    users = [await world.new_user(f"telegram:{n}", credits=20) for n in range(3)]
    first = [asyncio.create_task(readings.request_reading(ask(uid, "k"))) for uid in users[:2]]
    await settle()
    assert held.started == 2 and readings.admission.in_flight == 2
    with pytest.raises(TarotError) as caught:
        await readings.request_reading(ask(users[2], "k"))
    assert caught.value.message_key == "error.busy"
    assert await world.available(users[2]) == 20  # no hold placed
    async with world.store.uow() as uow:
        assert await uow.ledger.get(f"reading:{users[2]}:k#1") is None
    with pytest.raises(TarotError):  # a follow-up and the daily card pass the same door
        await readings.daily_card(users[2], date(2026, 1, 1))
    assert held.started == 2  # the refused ones never reached the interpreter
    held.release.set()
    done = await asyncio.gather(*first)
    assert [r.charged for r in done] == [5, 5] and readings.admission.in_flight == 0
    again = await readings.request_reading(ask(users[2], "k"))  # a place is free again
    assert again.charged == 5 and again.available == 15
    assert (await world.credits.check()).ok


async def test_an_embedder_sets_the_in_flight_limit_of_tarot_in_memory() -> None:
    import tarot

    held = HeldInterpreter(ScriptedInterpreter())
    service = tarot.in_memory(interpreter=held, in_flight_limit=1)
    first_user = (await service.users.register("embed:1", "en")).user.id
    second_user = (await service.users.register("embed:2", "en")).user.id
    first = asyncio.create_task(service.readings.request_reading(ask(first_user, "k")))
    await settle()
    with pytest.raises(TarotError) as caught:
        await service.readings.request_reading(ask(second_user, "k"))
    assert caught.value.message_key == "error.busy" and held.started == 1
    held.release.set()
    assert (await first).charged == 5  # a single card costs 5 of the 20 welcome credits
    assert (await service.readings.request_reading(ask(second_user, "k"))).available == 15
    assert tarot.in_memory().readings.admission.limit == 1000  # the service's default
    with pytest.raises(ValueError):
        tarot.in_memory(in_flight_limit=0)


async def test_a_reading_that_fails_after_admission_frees_its_place(world: World) -> None:
    readings = ReadingService(world.services, world.interpreter, world.fallback, Admission(1))
    uid = await world.new_user(credits=3)
    with pytest.raises(TarotError) as caught:
        await readings.request_reading(ask(uid, "k"))
    assert caught.value.kind is ErrorKind.INSUFFICIENT_CREDITS
    assert readings.admission.in_flight == 0


def test_busy_is_a_503_with_retry_after_worded_in_both_languages() -> None:
    problem = from_error(busy("full"))
    assert problem.status == 503 and problem.type.slug == "busy"
    assert problem.headers["Retry-After"] == "2" and problem.retryable
    body = body_of(problem, "uk", "r1")
    assert "кредити не списано" in body.detail and "/" not in body.detail
    english = error_message(busy("full"), "en")
    ukrainian = error_message(busy("full"), "uk")
    assert "nothing was charged" in english and "2 seconds" in english
    assert "кредити не списано" in ukrainian and english != ukrainian


# ------------------------------------------------------------------ closing saves first


class CountingPool:
    """Stands in for the psycopg pool: hands out numbered connections, never runs out itself."""

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self.out = 0
        self.most = 0

    async def getconn(self) -> Any:
        self.out += 1
        self.most = max(self.most, self.out)
        return object()

    async def putconn(self, conn: Any) -> None:
        self.out -= 1


async def test_the_gate_serves_closing_work_before_earlier_opening_work() -> None:
    pool = CountingPool(3)
    gate = PriorityGate(pool, reserved=1, timeout=5)  # type: ignore[arg-type]
    opening, closing = gate.lane(closing=False), gate.lane(closing=True)
    held = [await opening.getconn(), await opening.getconn()]  # all but the reserved place
    order: list[str] = []

    async def take(lane: Any, label: str) -> Any:
        conn = await lane.getconn()
        order.append(label)
        return conn

    waiting_open = asyncio.create_task(take(opening, "open"))
    await settle()
    assert order == []  # the reserved place is not for new arrivals
    reserved = await take(closing, "close-1")  # but a closing save gets it at once
    late_close = asyncio.create_task(take(closing, "close-2"))
    await settle()
    await opening.putconn(held.pop())
    await settle()
    assert order == ["close-1", "close-2"]  # the closing save overtook the opening one that came first
    await closing.putconn(reserved)
    await settle()
    assert order == ["close-1", "close-2"]  # the freed place is the reserved one: still not for opening
    await closing.putconn(late_close.result())
    await settle()
    assert order == ["close-1", "close-2", "open"]
    assert pool.most <= pool.max_size
    await opening.putconn(waiting_open.result())
    await opening.putconn(held.pop())
    assert gate.taken == 0 and pool.out == 0


async def test_a_wait_too_long_is_a_pool_timeout_and_a_cancelled_wait_gives_its_place_back() -> None:
    pool = CountingPool(1)
    gate = PriorityGate(pool, reserved=0, timeout=0.05)  # type: ignore[arg-type]
    lane = gate.lane(closing=False)
    conn = await lane.getconn()
    with pytest.raises(TarotError) as caught:  # new work, nothing held: the polite busy refusal
        await lane.getconn()
    assert caught.value.message_key == "error.busy"
    closing = gate.lane(closing=True)
    with pytest.raises(PoolTimeout):  # a closing save: a retryable database error, retried
        await closing.getconn()
    waiter = asyncio.create_task(lane.getconn())
    await settle()
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    await lane.putconn(conn)
    assert gate.taken == 0
    again = await lane.getconn()  # nobody stale holds the place
    await lane.putconn(again)
    assert gate.taken == 0


# ------------------------------------------------------------------ the provider's pace, the process


async def test_the_pacer_spaces_request_starts_evenly() -> None:
    slept: list[float] = []
    now = [100.0]

    async def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))

    pacer = Pacer(10, sleep=sleep, clock=lambda: now[0])
    for _ in range(3):
        await pacer.wait()
    assert slept == [0.1, 0.2]
    unpaced = Pacer(0, sleep=sleep)
    await unpaced.wait()
    assert slept == [0.1, 0.2]


def test_the_open_file_limit_is_raised_or_said_to_be_too_low() -> None:
    import resource

    from runners.startup import files_needed, raise_open_file_limit

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert raise_open_file_limit(16) is None
    assert files_needed(1000, 10) > 2000
    if hard != resource.RLIM_INFINITY:
        line = raise_open_file_limit(hard + 1)
        assert line is not None and "TAROT_MAX_IN_FLIGHT" in line and "\n" not in line
        assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == hard  # raised as far as allowed
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_at_info_tarot_web_keeps_one_line_per_request(caplog: pytest.LogCaptureFixture) -> None:
    from runners.config import Settings
    from runners.events import COMPLETIONS
    from runners.logs import CHATTY_LOGGERS
    from runners.web import quiet_completions

    quiet_completions(Settings())
    try:
        assert not logging.getLogger(COMPLETIONS).isEnabledFor(logging.INFO)
        assert logging.getLogger(COMPLETIONS).isEnabledFor(logging.WARNING)
        assert "psycopg.pool" in CHATTY_LOGGERS
    finally:
        logging.getLogger(COMPLETIONS).setLevel(logging.NOTSET)


def test_metrics_show_the_readings_in_flight_and_the_limit() -> None:
    from runners.container import watched_admission
    from runners.metrics import Metrics

    metrics = Metrics()
    admission = watched_admission(7, metrics)

    def shown() -> list[str]:
        return [line for line in metrics.render().splitlines() if line.startswith("tarot_readings_in_flight")]

    with admission.admitted():
        assert shown() == ["tarot_readings_in_flight 1.0", "tarot_readings_in_flight_limit 7.0"]
    assert shown()[0] == "tarot_readings_in_flight 0.0"
