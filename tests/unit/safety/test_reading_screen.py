"""The reading use case as the backstop: a crisis is answered before any hold, draw or storage; a
framed question is read framed; intake screening for frontends; events for metrics."""

from __future__ import annotations

from datetime import date

import pytest
from unit_world import World

from tarot_domain.model.events import Screened, ScreenStage
from tarot_domain.model.lean import Lean
from tarot_domain.model.safety import Helpline, Helplines, RegionLines, SafetyKind, SupportOnly
from tarot_domain.use_cases.readings import ReadingRequest


def ask(user_id: str, question: str, spread: str = "three", key: str = "k1", **kw: object) -> ReadingRequest:
    return ReadingRequest(user_id=user_id, spread_id=spread, question=question, idempotency_key=key, **kw)  # type: ignore[arg-type]


def footprint(world: World) -> tuple[int, int, int]:
    """(transfers, readings, interpreter calls): what a request leaves behind."""
    state = world.store.state
    calls = len(world.interpreter.requests) + len(world.fallback.requests)
    return len(state.book.transfers), len(state.readings), calls


async def test_a_crisis_question_is_answered_with_support_and_changes_nothing(world: World) -> None:
    uid = await world.new_user(credits=30)
    before = footprint(world)
    with pytest.raises(SupportOnly) as raised:
        await world.readings.request_reading(ask(uid, "Should I kill myself?", spread="yes-no"))
    support = raised.value.support
    assert support.kind is SafetyKind.CRISIS and "findahelpline.com" in support.message
    assert footprint(world) == before  # no hold, no draw, no reading
    assert await world.available(uid) == 30
    assert not any(r.question for r in world.store.state.readings.values())


async def test_the_support_message_speaks_the_users_language(world: World) -> None:
    uid = (await world.users.register("telegram:7", "uk")).user.id
    with pytest.raises(SupportOnly) as raised:
        await world.readings.request_reading(ask(uid, "Я хочу покінчити з усім"))
    assert "7333" in raised.value.support.message and "112" in raised.value.support.message
    with pytest.raises(SupportOnly) as asked_in_english:
        await world.readings.request_reading(ask(uid, "I want to die", language="en"))
    assert "911" in asked_in_english.value.support.message


async def test_an_unknown_user_in_crisis_still_gets_support(world: World) -> None:
    with pytest.raises(SupportOnly) as raised:
        await world.readings.request_reading(ask("no-such-user", "хочу померти"))
    assert "findahelpline.com" in raised.value.support.message


async def test_a_crisis_in_a_questionnaire_answer_stops_the_reading(world: World) -> None:
    uid = await world.new_user(credits=30, tier="tier-premium")
    before = footprint(world)
    with pytest.raises(SupportOnly):
        await world.readings.request_reading(
            ask(uid, "What is ahead for us?", spread="relationship", answers=("Anna", "nobody would miss me"))
        )
    assert footprint(world) == before


async def test_a_crisis_follow_up_is_answered_with_support_and_charges_nothing(world: World) -> None:
    uid = await world.new_user(credits=30)
    first = await world.readings.request_reading(ask(uid, "What now?"))
    before = footprint(world)
    with pytest.raises(SupportOnly):
        await world.readings.ask_follow_up(uid, first.reading.id, "I don't want to live anymore", "f1")
    assert footprint(world) == before and await world.available(uid) == 18
    assert world.interpreter.follow_up_questions == []
    assert (await world.readings.get_reading(uid, first.reading.id)).follow_ups == ()


async def test_a_health_question_is_read_framed_without_a_lean(world: World) -> None:
    uid = await world.new_user(credits=30)
    result = await world.readings.request_reading(
        ask(uid, "Should I stop taking my antidepressants?", spread="yes-no")
    )
    assert world.interpreter.requests[-1].safety is SafetyKind.HEALTH
    assert result.support is not None and result.support.kind is SafetyKind.HEALTH
    assert "doctor" in result.support.message
    assert result.lean is None and result.charged == 5  # read (and charged) like any reading


async def test_an_ordinary_yes_no_question_has_a_lean_and_no_support(world: World) -> None:
    uid = await world.new_user(credits=30)
    result = await world.readings.request_reading(ask(uid, "Will he call me?", spread="yes-no"))
    answer = result.reading.cards[0]
    assert result.support is None and world.interpreter.requests[-1].safety is None
    assert result.lean is (Lean.NO if answer.reversed else Lean.YES)
    other = await world.readings.request_reading(ask(uid, "What now?", key="k2"))
    assert other.lean is None and other.support is None  # no answer position: no lean


async def test_a_replay_carries_the_same_support(world: World) -> None:
    uid = await world.new_user(credits=30)
    first = await world.readings.request_reading(ask(uid, "Should I sue my landlord?", spread="yes-no"))
    again = await world.readings.request_reading(ask(uid, "Should I sue my landlord?", spread="yes-no"))
    assert again.replayed and again.support == first.support and again.lean is None
    assert world.readings.framing(first.reading) == (first.support, None)


async def test_a_follow_up_on_a_framed_reading_is_framed_too(world: World) -> None:
    uid = await world.new_user(credits=30)
    first = await world.readings.request_reading(ask(uid, "Should I put my savings into crypto?"))
    await world.readings.ask_follow_up(uid, first.reading.id, "And next month?", "f1")
    plain = await world.readings.request_reading(ask(uid, "What now?", key="k2"))
    await world.readings.ask_follow_up(uid, plain.reading.id, "And next month?", "f2")
    await world.readings.ask_follow_up(uid, plain.reading.id, "Should I sue them?", "f3")
    assert world.interpreter.follow_up_safety == [SafetyKind.MONEY, None, SafetyKind.LEGAL]


async def test_intake_screening_says_what_a_frontend_must_show(world: World) -> None:
    crisis = world.readings.screen("Хочу померти", "uk")
    assert crisis is not None and crisis.kind is SafetyKind.CRISIS and "7333" in crisis.message
    health = world.readings.screen("Am I pregnant?", "en")
    assert health is not None and health.kind is SafetyKind.HEALTH
    assert world.readings.screen("Will I get a raise?", "en") is None
    assert footprint(world) == (0, 0, 0)


async def test_every_screening_is_reported_once_by_kind_and_stage_never_by_text(world: World) -> None:
    uid = await world.new_user(credits=30)
    world.readings.screen("Will I get a raise?", "en")
    with pytest.raises(SupportOnly):
        await world.readings.request_reading(ask(uid, "i want to die"))
    first = await world.readings.request_reading(ask(uid, "Should I sue my landlord?"))
    await world.readings.ask_follow_up(uid, first.reading.id, "And then?", "f1")
    await world.readings.daily_card(uid, date(2026, 12, 1))  # no text typed: nothing screened
    assert [e for e in world.events.events if isinstance(e, Screened)] == [
        Screened(None, ScreenStage.INTAKE),
        Screened(SafetyKind.CRISIS, ScreenStage.READING),
        Screened(SafetyKind.LEGAL, ScreenStage.READING),
        Screened(None, ScreenStage.FOLLOW_UP),
    ]


async def test_the_helplines_in_force_are_the_ones_the_services_were_given(world: World) -> None:
    from attrs import evolve

    from tarot_domain.use_cases.readings import ReadingService

    custom = Helplines(
        date(2027, 1, 1),
        Helpline(name="Find A Helpline", url="findahelpline.com"),
        (RegionLines("UA", "112", (Helpline(name="Test Line", number="0 800 000 000"),)),),
        (("uk", "UA"),),
    )
    readings = ReadingService(evolve(world.services, helplines=custom), world.interpreter, world.fallback)
    support = readings.screen("хочу померти", "uk")
    assert support is not None and "Test Line — 0 800 000 000" in support.message
    assert "Lifeline" not in support.message
