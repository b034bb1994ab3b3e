"""The LLM path on a framed topic: the prompt carries the rules, nothing streams before the output
check, a lean or a directive sends the use case to the offline reading (free, counted), a crisis never
reaches the model, and the lean line is never shown."""

from __future__ import annotations

import logging

import pytest
from attrs import evolve
from fake_openai import FakeOpenAI
from interpreter_support import OpenAIHarness, make_request, names_of, offline_interpreter, reading_from

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from runners.events import EventLog, EventStream
from runners.metrics import MeteredInterpreter, Metrics, MetricsEvents
from tarot_domain.content.polarity import polarity
from tarot_domain.model.ledger import TransferState
from tarot_domain.model.products import Promotions, default_catalog
from tarot_domain.model.readings import Interpretation
from tarot_domain.model.safety import SafetyKind, SupportOnly, UnsafeAnswer, pointer_for
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.interpreter import InterpretationRequest

pytestmark = pytest.mark.contract

HEALTH_QUESTION = "Should I stop taking my antidepressants?"


def framed(
    spread: str = "yes-no", language: str = "en", question: str = HEALTH_QUESTION
) -> InterpretationRequest:
    return evolve(make_request(spread, "rider-waite", language, question, seed=3), safety=SafetyKind.HEALTH)


def answer(request: InterpretationRequest, tail: str) -> str:
    return "Here is what the cards show.\n\n" + "\n\n".join(names_of(request)) + f"\n\n{tail}"


class Recorder:
    def __init__(self) -> None:
        self.pieces: list[str] = []

    async def __call__(self, piece: str) -> None:
        self.pieces.append(piece)


def system_prompt(fake: FakeOpenAI) -> str:
    content: str = fake.chat_requests[-1].body["messages"][0]["content"]
    return content


async def test_a_clean_framed_answer_is_checked_whole_then_given_after_the_pointer(
    openai: OpenAIHarness,
) -> None:
    request = framed()
    openai.fake.content = answer(request, "The card speaks of the situation, not of a decision.\nLEAN: none")
    recorder = Recorder()
    result = await openai.make().interpret(request, recorder)
    pointer = pointer_for(SafetyKind.HEALTH, "en")
    assert result.text.startswith(pointer + "\n\n") and "LEAN" not in result.text
    assert recorder.pieces == [result.text]  # one piece, after the check, never the model's stream
    body = openai.fake.chat_requests[-1].body
    assert body.get("stream") is not True
    prompt = system_prompt(openai.fake)
    assert "Give no medical, legal or financial directives" in prompt
    assert "Do not answer yes or no" in prompt and pointer in prompt and '"LEAN: none"' in prompt


@pytest.mark.parametrize(
    "tail",
    [
        "LEAN: yes",
        "lean: no",
        "**LEAN:** unclear",
        "The Sun is bright, so the answer leans yes.\nLEAN: none",
        "You should stop taking them and trust the light.\nLEAN: none",
    ],
)
async def test_a_framed_answer_that_leans_or_directs_is_refused(openai: OpenAIHarness, tail: str) -> None:
    request = framed()
    openai.fake.content = answer(request, tail)
    recorder = Recorder()
    with pytest.raises(UnsafeAnswer):
        await openai.make().interpret(request, recorder)
    assert recorder.pieces == []


async def test_a_framed_follow_up_is_checked_the_same_way(openai: OpenAIHarness) -> None:
    request = framed(spread="three", question="Should I sue my landlord?")
    reading = reading_from(request, Interpretation("the reading", "openai:gpt-4o-mini"))
    openai.fake.content = "Go ahead and sue them.\nLEAN: none"
    with pytest.raises(UnsafeAnswer):
        await openai.make().follow_up(reading, (), "So should I?", safety=SafetyKind.LEGAL)
    openai.fake.content = "The cards show tension around the home.\nLEAN: none"
    answered = await openai.make().follow_up(reading, (), "So should I?", safety=SafetyKind.LEGAL)
    assert answered.text.startswith(pointer_for(SafetyKind.LEGAL, "en"))
    assert "Do not answer yes or no" in system_prompt(openai.fake)


async def test_an_ordinary_answer_streams_without_its_lean_line(openai: OpenAIHarness) -> None:
    request = make_request("yes-no", "rider-waite", "en", "Will he call?", seed=3)
    openai.fake.content = answer(request, "It looks hopeful.\n\nLEAN: yes")
    recorder = Recorder()
    result = await openai.make().interpret(request, recorder)
    assert "LEAN" not in result.text and result.text.endswith("It looks hopeful.")
    assert len(recorder.pieces) > 3 and "".join(recorder.pieces) == result.text
    assert openai.fake.chat_requests[-1].body.get("stream") is True
    card = request.cards[0]
    lean = polarity(card.card_id, card.reversed, "rider-waite").lean.value  # the card's meaning decides
    assert f'Your last line is "LEAN: {lean}"' in system_prompt(openai.fake)


def flow(
    openai: OpenAIHarness, metrics: Metrics
) -> tuple[ReadingService, UserService, CreditService, MemoryStore]:
    store = MemoryStore()
    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
    events = EventStream(MetricsEvents(metrics), EventLog())  # as the runners' containers wire it
    services = Services(
        uow=store.uow, clock=ManualClock(), random=SeededRandom(3), catalog=catalog, events=events
    )
    readings = ReadingService(
        services,
        MeteredInterpreter(openai.make(), metrics),
        MeteredInterpreter(offline_interpreter(), metrics),
    )
    return readings, UserService(services), CreditService(services), store


async def test_a_refused_answer_becomes_the_offline_reading_free_logged_and_counted(
    openai: OpenAIHarness, caplog: pytest.LogCaptureFixture
) -> None:
    metrics = Metrics()
    readings, users, credits, store = flow(openai, metrics)
    user_id = (await users.register("telegram:1", "en")).user.id
    await credits.grant(user_id, 30, "test")
    openai.fake.content = "Whatever the cards, the answer is yes.\nLEAN: yes"
    recorder = Recorder()
    with caplog.at_level(logging.INFO):
        result = await readings.request_reading(
            ReadingRequest(user_id, "yes-no", HEALTH_QUESTION, "k1"), recorder
        )
    reading = result.reading
    assert reading.fallback and reading.cost == 0 and reading.interpretation.interpreter == "offline"
    assert reading.interpretation.text.startswith(pointer_for(SafetyKind.HEALTH, "en"))
    assert "".join(recorder.pieces) == reading.interpretation.text  # the model's words never shown
    assert result.support is not None and result.support.kind is SafetyKind.HEALTH and result.lean is None
    assert (await credits.balance(user_id)).available == 30
    hold = store.state.book.transfers[reading.hold_id or ""]
    assert hold.state is TransferState.VOIDED
    assert metrics.interpreter_calls.value(interpreter="openai:gpt-4o-mini", outcome="unsafe") == 1
    assert metrics.fallbacks.value(kind="reading", reason="unsafe") == 1
    assert "failed the safety check" in caplog.text
    assert HEALTH_QUESTION not in caplog.text and "antidepressants" not in caplog.text


async def test_a_crisis_never_reaches_the_model(openai: OpenAIHarness) -> None:
    readings, users, credits, _ = flow(openai, Metrics())
    user_id = (await users.register("telegram:1", "uk")).user.id
    await credits.grant(user_id, 30, "test")
    with pytest.raises(SupportOnly):
        await readings.request_reading(ReadingRequest(user_id, "three", "Я хочу покінчити з усім", "k1"))
    first = await readings.request_reading(ReadingRequest(user_id, "three", "Що мене чекає?", "k2"))
    sent = len(openai.fake.chat_requests)
    with pytest.raises(SupportOnly):
        await readings.ask_follow_up(user_id, first.reading.id, "не хочу жити", "f1")
    assert len(openai.fake.chat_requests) == sent == 1
