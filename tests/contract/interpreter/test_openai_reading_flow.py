"""End to end through the reading use case: an OpenAI interpreter that keeps failing costs nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from attrs import evolve
from interpreter_support import OpenAIHarness, offline_interpreter

from adapters.memory.cache import MemoryCache
from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from tarot_domain.model.ledger import TransferState
from tarot_domain.model.products import Promotions, default_catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.interpreter import Interpreter

pytestmark = pytest.mark.contract


class Flow:
    def __init__(self, interpreter: Interpreter) -> None:
        self.store = MemoryStore()
        self.clock = ManualClock()
        catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
        services = Services(uow=self.store.uow, clock=self.clock, random=SeededRandom(1), catalog=catalog)
        self.fallback = offline_interpreter()
        self.users = UserService(services)
        self.credits = CreditService(services)
        self.readings = ReadingService(services, interpreter, self.fallback)

    async def user_with(self, credits: int) -> str:
        user_id = (await self.users.register("telegram:1", "en")).user.id
        if credits:
            await self.credits.grant(user_id, credits, "test")
        return user_id

    async def available(self, user_id: str) -> int:
        return (await self.credits.balance(user_id)).available

    async def state_of(self, transfer_id: str | None) -> TransferState:
        assert transfer_id is not None
        async with self.store.uow() as uow:
            transfer = await uow.ledger.get(transfer_id)
        assert transfer is not None
        return transfer.state


@pytest.fixture
def flow(openai: OpenAIHarness) -> Callable[..., Flow]:
    return lambda **config: Flow(openai.make(**config))


async def test_a_reading_written_by_the_model_is_charged(
    openai: OpenAIHarness, flow: Callable[..., Flow]
) -> None:
    world = flow()
    user_id = await world.user_with(30)
    result = await world.readings.request_reading(ReadingRequest(user_id, "three", "What now?", "k1"))
    reading = result.reading
    assert not reading.fallback and result.charged == 12 and await world.available(user_id) == 18
    assert reading.interpretation.interpreter == "openai:gpt-4o-mini"
    assert reading.interpretation.model == openai.fake.model_snapshot
    assert await world.state_of(reading.hold_id) is TransferState.POSTED


async def test_a_failing_model_voids_the_hold_and_gives_the_offline_reading_free(
    openai: OpenAIHarness, flow: Callable[..., Flow]
) -> None:
    openai.fake.scenario = "503"
    world = flow()
    user_id = await world.user_with(30)
    pieces: list[str] = []

    async def on_delta(piece: str) -> None:
        pieces.append(piece)

    result = await world.readings.request_reading(
        ReadingRequest(user_id, "three", "What now?", "k1"), on_delta
    )
    reading = result.reading
    assert reading.fallback and result.charged == 0 and reading.cost == 0
    assert reading.interpretation.interpreter == world.fallback.name
    assert await world.available(user_id) == 30
    assert await world.state_of(reading.hold_id) is TransferState.VOIDED
    assert len(openai.fake.chat_requests) == 3 and openai.sleeps == [0.5, 1.0]
    assert "".join(pieces) == reading.interpretation.text  # nothing streamed before the fallback
    assert (await world.credits.check()).ok


async def test_a_failing_follow_up_is_answered_offline_and_free(
    openai: OpenAIHarness, flow: Callable[..., Flow]
) -> None:
    world = flow()
    user_id = await world.user_with(30)
    first = await world.readings.request_reading(ReadingRequest(user_id, "three", "What now?", "k1"))
    openai.fake.scenario = "500"
    reading, answer = await world.readings.ask_follow_up(user_id, first.reading.id, "And at work?", "f1")
    assert answer.cost == 0 and answer.interpretation.interpreter == world.fallback.name
    assert await world.available(user_id) == 18
    assert len(reading.follow_ups) == 1


async def test_the_daily_card_is_shared_through_the_cache(openai: OpenAIHarness) -> None:
    cache = MemoryCache()
    world = Flow(openai.make(cache=cache))
    first = await world.readings.daily_card(await world.user_with(0), world.clock.now().date())
    # Another user who draws the same card on the same deck in the same language: no second request.
    other = Flow(openai.make(cache=cache))
    second = await other.readings.daily_card(await other.user_with(0), other.clock.now().date())
    assert first.reading.cards == second.reading.cards  # the same seed draws the same card
    assert not first.reading.interpretation.cached and second.reading.interpretation.cached
    assert len(openai.fake.chat_requests) == 1 and second.charged == 0
