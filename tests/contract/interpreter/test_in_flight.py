"""A thousand readings in flight through the REAL OpenAI adapter on a pool of 10 (issue 21 point 3).

Postgres (the production store, with the production wiring's priority gate), the OpenAI adapter
against the fake server answering after a delay, admission at 1,000: 1,200 readings arrive at once.
The first 1,000 are admitted; the other 200 are refused at the door (busy). An admitted reading that
gets no connection for its hold in time (the one event loop is busy with the others) is refused as busy
before the hold as well. Every answer the interpreter gave is saved and its hold posted (0 lost after the
LLM call: closing saves go first), nothing is left pending, and the books balance (`tarot admin
check`'s audit).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
from attrs import evolve
from fake_openai import FakeOpenAI
from schemas import migrated_schema

from adapters.offline.interpreter import OfflineInterpreter
from adapters.openai_http import OpenAIConfig, OpenAIInterpreter
from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from runners.stores import StoreHandle, open_store
from tarot_domain.model.errors import TarotError
from tarot_domain.model.products import Promotions, default_catalog
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.use_cases.admission import Admission
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.readings import ReadingRequest, ReadingResult, ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.interpreter import InterpretationRequest, Interpreter, OnDelta

IN_FLIGHT = 1000
EXTRA = 200
POOL = 10
DELAY = 2.0  # the interpreter's answer time in the target


@pytest.fixture
def pg_schema_url(pg_url: str) -> Iterator[str]:
    with migrated_schema(pg_url, "inflight") as url:
        yield url


@pytest.fixture
async def store(pg_schema_url: str) -> AsyncIterator[StoreHandle]:
    async with open_store(pg_schema_url, pool_max=POOL, pool_timeout=10.0) as handle:
        yield handle


class Watched:
    """The real adapter, with how many calls are inside it at once and how many it answered."""

    def __init__(self, inner: Interpreter) -> None:
        self.inner = inner
        self.inside = 0
        self.peak = 0
        self.answered = 0

    @property
    def name(self) -> str:
        return self.inner.name

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        self.inside += 1
        self.peak = max(self.peak, self.inside)
        try:
            answer = await self.inner.interpret(request, on_delta)
            self.answered += 1
            return answer
        finally:
            self.inside -= 1

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        return await self.inner.follow_up(reading, earlier, question, on_delta, safety=safety)


@pytest.mark.timeout(240)
async def test_a_thousand_in_flight_on_a_pool_of_ten_lose_no_answer(
    store: StoreHandle, fake_openai: FakeOpenAI
) -> None:
    assert store.closing_uow_factory is not None  # the production wiring: closing saves go first
    fake_openai.scenario, fake_openai.slow_seconds = "slow", DELAY
    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=20))
    services = Services(
        uow=store.uow_factory, closing_uow=store.closing_uow_factory, clock=SystemClock(),
        random=SecretsRandom(), catalog=catalog,
    )  # fmt: skip
    users = UserService(services)
    ids: list[str] = []
    for batch in range(0, IN_FLIGHT, 100):
        made = await asyncio.gather(
            *(users.register(f"web:load:{n}", "en") for n in range(batch, batch + 100))
        )
        ids += [m.user.id for m in made]
    config = OpenAIConfig(api_key=fake_openai.api_key, base_url=fake_openai.url, max_retries=0)
    async with OpenAIInterpreter(config) as adapter:
        watched = Watched(adapter)
        readings = ReadingService(services, watched, OfflineInterpreter(), Admission(IN_FLIGHT))
        asks = [(uid, "first") for uid in ids] + [(uid, "second") for uid in ids[:EXTRA]]
        outcomes = await asyncio.gather(
            *(
                readings.request_reading(ReadingRequest(uid, "single", "What does today hold?", key))
                for uid, key in asks
            ),
            return_exceptions=True,
        )
    done = [o for o in outcomes if isinstance(o, ReadingResult)]
    # Busy: over the limit at the door, or admitted but given no connection for the hold in time (the
    # one event loop is busy with a thousand readings); either way before the hold, retryable.
    refused = [
        n for n, o in enumerate(outcomes) if isinstance(o, TarotError) and o.message_key == "error.busy"
    ]
    assert len(done) + len(refused) == len(asks), [o for o in outcomes if isinstance(o, BaseException)][:3]
    assert set(range(IN_FLIGHT, IN_FLIGHT + EXTRA)) <= set(refused)  # those over the limit, at the door
    assert readings.admission.peak == IN_FLIGHT and readings.admission.in_flight == 0
    assert readings.admission.refused == EXTRA
    assert done, "no reading was served at all"
    # 0 answers lost after the LLM call: the provider answered exactly the readings that were saved
    assert len(fake_openai.chat_requests) == watched.answered == len(done)
    assert all(not r.reading.fallback and r.charged == 5 for r in done)

    async with store.uow_factory() as uow:
        assert await uow.ledger.pending() == []  # every hold posted or never placed
        for n in refused:
            uid, key = asks[n]
            assert await uow.ledger.get(f"reading:{uid}:{key}#1") is None  # refused before the hold
        saved = [await uow.readings.get(r.reading.id) for r in done]
        assert all(s is not None and s.hold_id for s in saved)
        for r in done:
            hold = await uow.ledger.get(r.reading.hold_id or "")
            assert hold is not None and hold.state.value == "posted"
        report = await uow.audit.audit(SystemClock().now())
    assert report.ok, report.violations
