"""The reading use case (DESIGN §4): charging, idempotency, failure paths and crash recovery."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, timedelta

import pytest
from unit_world import World

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.events import (
    CardsDrawn,
    FallbackReason,
    InterpreterFailed,
    ReadingCompleted,
    ReadingKind,
    ReadingRefused,
    Screened,
)
from tarot_domain.model.ledger import TransferState
from tarot_domain.use_cases.readings import ReadingRequest


def ask(
    user_id: str, key: str = "k1", spread: str = "three", question: str = "What now?", **kw: object
) -> ReadingRequest:
    return ReadingRequest(user_id=user_id, spread_id=spread, question=question, idempotency_key=key, **kw)  # type: ignore[arg-type]


async def test_a_reading_charges_the_spread_cost_once_and_is_stored(world: World) -> None:
    uid = await world.new_user(credits=30)
    result = await world.readings.request_reading(ask(uid))
    assert result.charged == 12 and not result.replayed and not result.reading.fallback
    assert result.available == 18 == await world.available(uid)
    assert len(result.reading.cards) == 3
    assert result.reading.interpretation.interpreter == "primary"
    stored, total = await world.readings.history(uid)
    assert total == 1 and stored[0] == result.reading
    assert (await world.credits.check()).ok


async def test_repeating_the_key_returns_the_first_reading_and_charges_once(world: World) -> None:
    uid = await world.new_user(credits=30)
    first = await world.readings.request_reading(ask(uid))
    second = await world.readings.request_reading(ask(uid, question="a different text, same key"))
    assert second.replayed and second.reading == first.reading
    assert await world.available(uid) == 18
    assert len(world.interpreter.requests) == 1


async def test_interpreter_failure_voids_the_hold_and_gives_the_offline_reading_free(world: World) -> None:
    uid = await world.new_user(credits=30)
    world.interpreter.fail_with = TarotError(ErrorKind.API, "upstream 503")
    result = await world.readings.request_reading(ask(uid))
    assert result.reading.fallback and result.charged == 0
    assert result.reading.interpretation.interpreter == "offline"
    assert await world.available(uid) == 30
    hold = await _transfer(world, result.reading.hold_id)
    assert hold.state is TransferState.VOIDED
    assert (await world.credits.check()).ok


async def test_an_interpreter_bug_is_reported_with_its_exception_before_the_free_fallback(
    world: World,
) -> None:
    uid = await world.new_user(credits=30)
    bug = RuntimeError("bug in an adapter")
    world.interpreter.fail_with = bug
    result = await world.readings.request_reading(ask(uid))
    assert result.reading.fallback and await world.available(uid) == 30
    failed = [e for e in world.events.events if isinstance(e, InterpreterFailed)]
    assert len(failed) == 1 and failed[0].reason is FallbackReason.INTERNAL and failed[0].error is bug
    assert failed[0].interpreter == "primary" and failed[0].kind is ReadingKind.READING
    kinds = [type(e) for e in world.events.events if not isinstance(e, Screened)]
    assert kinds == [CardsDrawn, InterpreterFailed, ReadingCompleted]  # failure reported before the fallback
    completed = world.events.events[-1]
    assert isinstance(completed, ReadingCompleted)
    assert (completed.interpreter, completed.fallback, completed.cost) == (
        "offline",
        FallbackReason.INTERNAL,
        0,
    )


async def test_the_log_shows_an_interpreter_bug_with_its_traceback_and_the_metrics_count_it(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    from runners.events import EventLog, EventStream
    from runners.metrics import Metrics, MetricsEvents

    metrics = Metrics()
    stream = EventStream(MetricsEvents(metrics), EventLog())
    uid = await world.new_user(credits=30)
    world.interpreter.fail_with = RuntimeError("bug in an adapter")
    with caplog.at_level(logging.INFO, logger="tarot.events"):
        await world.readings.request_reading(ask(uid))
        for event in world.events.events:
            stream.emit(event)
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert "RuntimeError" in errors[0].getMessage() and "bug in an adapter" in caplog.text  # the traceback
    assert metrics.interpreter_calls.value(interpreter="primary", outcome="error") == 1
    assert metrics.fallbacks.value(kind="reading", reason="internal") == 1
    assert metrics.readings.value(spread="three", interpreter="offline", fallback="true") == 1
    assert metrics.credits_spent.value(spread="three") == 0


async def test_every_outcome_is_an_event_without_user_text(world: World) -> None:
    uid = await world.new_user(credits=12)
    await world.readings.request_reading(ask(uid, question="Will Marta call me?"))
    with pytest.raises(TarotError):
        await world.readings.request_reading(ask(uid, key="k2"))  # 0 credits left
    with pytest.raises(TarotError):
        await world.readings.request_reading(ask(uid, key="k3", spread="tarot-of-doom"))
    world.interpreter.fail_with = TarotError(ErrorKind.API, "upstream 503")
    await world.readings.daily_card(uid, date(2026, 1, 1))
    completed = [e for e in world.events.events if isinstance(e, ReadingCompleted)]
    assert [(e.kind, e.spread_id, e.cost, e.fallback) for e in completed] == [
        (ReadingKind.READING, "three", 12, None),
        (ReadingKind.DAILY, "single", 0, FallbackReason.API),
    ]
    refused = [e for e in world.events.events if isinstance(e, ReadingRefused)]
    assert [(e.spread_id, e.error_kind) for e in refused] == [
        ("three", "insufficient_credits"), ("unknown", "validation"),
    ]  # fmt: skip
    assert all("Marta" not in repr(e) and uid not in repr(e) for e in world.events.events)


async def test_not_enough_credits_changes_nothing_and_never_asks_the_interpreter(world: World) -> None:
    uid = await world.new_user(credits=11)
    with pytest.raises(TarotError) as caught:
        await world.readings.request_reading(ask(uid))
    assert caught.value.kind is ErrorKind.INSUFFICIENT_CREDITS
    assert await world.available(uid) == 11
    assert world.interpreter.requests == []
    assert (await world.readings.history(uid))[1] == 0


@pytest.mark.parametrize(
    ("changes", "message_key"),
    [
        ({"question": "   \n\t "}, "error.question_empty"),
        ({"question": "x" * 501}, "error.question_too_long"),
        ({"spread": "tarot-of-doom"}, "error.unknown_spread"),
        ({"deck_id": "no-such-deck"}, "error.unknown_deck"),
        ({"language": "xx"}, "error.unknown_language"),
        ({"spread": "career", "answers": ("a", "b", "c")}, "error.too_many_answers"),
        ({"key": ""}, "error.bad_key"),
    ],
)
async def test_bad_input_is_refused_politely_and_changes_nothing(
    world: World, changes: dict[str, object], message_key: str
) -> None:
    uid = await world.new_user(credits=100, tier="tier-premium")
    with pytest.raises(TarotError) as caught:
        await world.readings.request_reading(ask(uid, **changes))  # type: ignore[arg-type]
    assert caught.value.kind is ErrorKind.VALIDATION
    assert caught.value.message_key == message_key
    assert await world.available(uid) == 100
    assert world.interpreter.requests == []


async def test_a_question_exactly_500_characters_long_is_accepted_after_trimming(world: World) -> None:
    uid = await world.new_user(credits=30)
    result = await world.readings.request_reading(ask(uid, question="  " + "я" * 500 + "\u200b  "))
    assert len(result.reading.question) == 500


async def test_spreads_beyond_the_tier_are_forbidden(world: World) -> None:
    uid = await world.new_user(credits=2000)
    with pytest.raises(TarotError) as caught:
        await world.readings.request_reading(ask(uid, spread="celtic-cross"))
    assert caught.value.kind is ErrorKind.FORBIDDEN
    await world.users.set_tier(uid, "tier-premium", None)
    await world.readings.request_reading(ask(uid, spread="celtic-cross"))
    with pytest.raises(TarotError):
        await world.readings.request_reading(ask(uid, key="k2", spread="life-path"))
    assert await world.available(uid) == 2000 - 15


async def test_questionnaire_answers_reach_the_interpreter(world: World) -> None:
    uid = await world.new_user(credits=30, tier="tier-premium")
    await world.readings.request_reading(ask(uid, spread="career", answers=("Designer", "")))
    sent = world.interpreter.requests[0]
    assert [(a.item_id, a.answer) for a in sent.answers] == [("role", "Designer")] or len(sent.answers) == 1
    assert sent.answers[0].answer == "Designer"


async def test_a_crash_after_the_hold_is_released_by_the_sweeper_and_the_retry_charges_once(
    world: World,
) -> None:
    uid = await world.new_user(credits=30)
    world.interpreter.fail_with = SystemExit("process killed")  # not an Exception: nothing is caught
    with pytest.raises(SystemExit):
        await world.readings.request_reading(ask(uid))
    assert await world.available(uid) == 18  # the hold is still pending
    with pytest.raises(TarotError) as busy:
        await world.readings.request_reading(ask(uid))
    assert busy.value.message_key == "error.in_progress"

    world.clock.advance(timedelta(minutes=10))
    assert len(await world.credits.sweep()) == 1
    assert await world.available(uid) == 30
    world.interpreter.fail_with = None
    result = await world.readings.request_reading(ask(uid))
    assert (
        result.charged == 12 and result.reading.hold_id is not None and result.reading.hold_id.endswith("#2")
    )
    assert await world.available(uid) == 18
    assert (await world.credits.check()).ok


async def test_a_reading_that_outlives_its_hold_is_given_free(world: World) -> None:
    uid = await world.new_user(credits=30)
    world.interpreter.before_answer = lambda: world.clock.advance(timedelta(minutes=11))
    result = await world.readings.request_reading(ask(uid))
    assert result.charged == 0 and not result.reading.fallback
    assert await world.available(uid) == 30
    assert (await world.credits.check()).ok


async def test_fifty_concurrent_readings_against_a_balance_for_five(world: World) -> None:
    uid = await world.new_user(credits=60)
    outcomes = await asyncio.gather(
        *(world.readings.request_reading(ask(uid, key=f"k{i}")) for i in range(50)), return_exceptions=True
    )
    done = [o for o in outcomes if not isinstance(o, BaseException)]
    refused = [o for o in outcomes if isinstance(o, TarotError) and o.kind is ErrorKind.INSUFFICIENT_CREDITS]
    assert (len(done), len(refused)) == (5, 45)
    assert await world.available(uid) == 0
    assert (await world.credits.check()).ok


async def test_follow_ups_are_charged_limited_and_replayable(world: World) -> None:
    uid = await world.new_user(credits=20)
    reading = (await world.readings.request_reading(ask(uid))).reading
    updated, first = await world.readings.ask_follow_up(uid, reading.id, "And my work?", "f1")
    assert first.cost == 2 and len(updated.follow_ups) == 1
    _, again = await world.readings.ask_follow_up(uid, reading.id, "And my work?", "f1")
    assert again == first
    await world.readings.ask_follow_up(uid, reading.id, "Love?", "f2")
    world.interpreter.fail_with = TarotError(ErrorKind.API, "down")
    _, free = await world.readings.ask_follow_up(uid, reading.id, "Health?", "f3")
    assert free.cost == 0 and free.interpretation.interpreter == "offline"
    with pytest.raises(TarotError) as limit:
        await world.readings.ask_follow_up(uid, reading.id, "One more?", "f4")
    assert limit.value.message_key == "error.follow_up_limit"
    assert await world.available(uid) == 20 - 12 - 4
    assert (await world.credits.check()).ok


async def test_the_daily_card_is_free_and_once_a_day(world: World) -> None:
    uid = await world.new_user()
    first = await world.readings.daily_card(uid, date(2026, 3, 1))
    again = await world.readings.daily_card(uid, date(2026, 3, 1))
    tomorrow = await world.readings.daily_card(uid, date(2026, 3, 2))
    assert first.charged == 0 and len(first.reading.cards) == 1
    assert again.replayed and again.reading == first.reading
    assert tomorrow.reading.id != first.reading.id


async def test_forgetting_a_user_erases_readings_and_keeps_the_ledger_whole(world: World) -> None:
    uid = await world.new_user(credits=30)
    await world.readings.request_reading(ask(uid))
    assert await world.users.forget(uid) == 1
    user = await world.users.get(uid)
    async with world.store.uow() as uow:
        (kept,) = await uow.readings.list_for_user(uid)
    assert kept.question == "" and kept.interpretation.text == "" and kept.cost == 12
    assert user.external_ref is None and not user.active
    assert await world.available(uid) == 18
    assert (await world.credits.check()).violations == ()
    with pytest.raises(TarotError):
        await world.readings.request_reading(ask(uid, key="k2"))


async def test_streaming_deltas_reach_the_caller(world: World) -> None:
    uid = await world.new_user(credits=30)
    pieces: list[str] = []

    async def collect(piece: str) -> None:
        pieces.append(piece)

    result = await world.readings.request_reading(ask(uid), on_delta=collect)
    assert len(pieces) == 3 and all(p in result.reading.interpretation.text for p in pieces)


async def _transfer(world: World, transfer_id: str | None):  # type: ignore[no-untyped-def]
    assert transfer_id is not None
    async with world.store.uow() as uow:
        transfer = await uow.ledger.get(transfer_id)
    assert transfer is not None
    return transfer


async def test_the_welcome_grant_is_given_once_per_identity_even_after_forget(world: World) -> None:
    from attrs import evolve

    from tarot_domain.model.products import Promotions
    from tarot_domain.use_cases.users import UserService

    users = UserService(
        evolve(world.services, catalog=evolve(world.services.catalog, promotions=Promotions()))
    )
    first = await users.register("telegram:555", "uk")
    assert first.created and first.welcome_credits == 20 and first.user.preferences.language == "uk"
    again = await users.register("telegram:555")
    assert not again.created and again.welcome_credits == 0
    await users.forget(first.user.id)
    back = await users.register("telegram:555")
    assert back.created and back.user.id != first.user.id and back.welcome_credits == 0
    assert await world.available(back.user.id) == 0
    assert await world.available(first.user.id) == 20


async def test_a_registration_that_loses_the_insert_race_returns_the_winner(world: World) -> None:
    """Two first messages from one person: the loser's insert conflicts, and it answers with the
    winner's user instead of an error (what Postgres does under a real race)."""
    from types import TracebackType

    from tarot_domain.use_cases.users import UserService

    winner = (await world.users.register("telegram:77")).user
    blind = [True]

    class BlindFirstLookup:
        """The first unit of work does not see the winner yet, as if both looked at the same moment."""

        def __init__(self) -> None:
            self._inner = world.store.uow()
            self._blind = blind[0]
            blind[0] = False

        async def __aenter__(self) -> BlindFirstLookup:
            await self._inner.__aenter__()
            return self

        async def __aexit__(
            self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
        ) -> None:
            await self._inner.__aexit__(t, e, tb)

        async def commit(self) -> None:
            await self._inner.commit()

        def __getattr__(self, name: str) -> object:
            repo = getattr(self._inner, name)
            if name == "users" and self._blind:

                class Blind:
                    async def get_by_ref(self, ref: str) -> None:
                        return None

                    def __getattr__(self, attr: str) -> object:
                        return getattr(repo, attr)

                return Blind()
            return repo

    from attrs import evolve

    users = UserService(evolve(world.services, uow=BlindFirstLookup))  # type: ignore[arg-type]
    again = await users.register("telegram:77")
    assert not again.created and again.user.id == winner.id and again.welcome_credits == 0


async def test_the_draw_is_reported_before_the_interpreter_is_asked(world: World) -> None:
    uid = await world.new_user(credits=30)
    seen: list[tuple[CardsDrawn, int, int]] = []

    async def on_drawn(drawn: CardsDrawn) -> None:  # what the interpreter had been asked by then
        seen.append((drawn, len(world.interpreter.requests), await world.available(uid)))

    result = await world.readings.request_reading(ask(uid, deck_id="thoth"), on_drawn=on_drawn)
    ((drawn, asked_before, available_then),) = seen
    assert asked_before == 0 and len(world.interpreter.requests) == 1
    assert available_then == 18  # the hold is placed before the picture goes out
    assert drawn.cards == result.reading.cards and drawn.spread_id == "three" and drawn.deck_id == "thoth"
    assert drawn.kind is ReadingKind.READING


async def test_a_failing_draw_callback_loses_neither_the_reading_nor_the_credits(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    uid = await world.new_user(credits=30)

    async def broken(drawn: CardsDrawn) -> None:
        raise OSError("the picture could not be sent")

    with caplog.at_level(logging.ERROR, logger="tarot_domain.readings"):
        result = await world.readings.request_reading(ask(uid), on_drawn=broken)
    assert result.charged == 12 and not result.reading.fallback
    assert await world.available(uid) == 18
    assert (await world.credits.check()).ok
    assert "the reading goes on" in caplog.text


async def test_the_daily_card_reports_its_draw_but_a_replay_draws_nothing(world: World) -> None:
    uid = await world.new_user()
    seen: list[CardsDrawn] = []

    async def on_drawn(drawn: CardsDrawn) -> None:
        seen.append(drawn)

    first = await world.readings.daily_card(uid, date(2026, 1, 2), on_drawn=on_drawn)
    again = await world.readings.daily_card(uid, date(2026, 1, 2), on_drawn=on_drawn)
    assert again.replayed and [d.cards for d in seen] == [first.reading.cards]
    assert seen[0].kind is ReadingKind.DAILY
