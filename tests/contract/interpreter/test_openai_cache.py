"""Question-less readings (the card of the day) are shared through the Cache port; personal ones never."""

from __future__ import annotations

import pytest
from interpreter_support import OpenAIHarness, make_request

from adapters.memory.cache import MemoryCache
from adapters.memory.clock import ManualClock
from adapters.openai_http.interpreter import CACHE_TTL_SECONDS
from adapters.openai_http.prompt import cache_key, reading_messages
from tarot_domain.content import version
from tarot_domain.content.version import versioned

pytestmark = pytest.mark.contract


async def test_the_same_daily_card_is_answered_from_the_cache(openai: OpenAIHarness) -> None:
    interpreter = openai.make(cache=MemoryCache())
    daily = make_request("single", question="", seed=3)
    first = await interpreter.interpret(daily)
    second = await interpreter.interpret(daily)
    assert len(openai.fake.chat_requests) == 1
    assert not first.cached and second.cached
    assert (
        second.text == first.text and second.model == first.model and second.interpreter == first.interpreter
    )
    assert first.completion_tokens > 0 and second.prompt_tokens == second.completion_tokens == 0


async def test_a_hit_is_streamed_in_one_piece(openai: OpenAIHarness) -> None:
    interpreter = openai.make(cache=MemoryCache())
    daily = make_request("single", question="", seed=3)
    first = await interpreter.interpret(daily)
    pieces: list[str] = []

    async def on_delta(piece: str) -> None:
        pieces.append(piece)

    hit = await interpreter.interpret(daily, on_delta)
    assert hit.cached and pieces == [first.text]


async def test_the_cache_is_shared_between_interpreters_of_one_model_only(openai: OpenAIHarness) -> None:
    cache = MemoryCache()
    daily = make_request("single", question="", seed=3)
    await openai.make(cache=cache).interpret(daily)
    assert (await openai.make(cache=cache).interpret(daily)).cached
    assert not (await openai.make(cache=cache, model="gpt-4.1-mini").interpret(daily)).cached
    assert len(openai.fake.chat_requests) == 2


async def test_a_different_card_deck_or_language_is_a_different_entry(openai: OpenAIHarness) -> None:
    interpreter = openai.make(cache=MemoryCache())
    for request in (
        make_request("single", question="", seed=3),
        make_request("single", question="", seed=4),
        make_request("single", "thoth", question="", seed=3),
        make_request("single", language="uk", question="", seed=3),
    ):
        assert not (await interpreter.interpret(request)).cached
    assert len(openai.fake.chat_requests) == 4


async def test_readings_with_a_question_are_never_cached(openai: OpenAIHarness) -> None:
    cache = MemoryCache()
    interpreter = openai.make(cache=cache)
    asked = make_request("single", question="Will it work out?", seed=3)
    assert not (await interpreter.interpret(asked)).cached
    assert not (await interpreter.interpret(asked)).cached
    assert len(openai.fake.chat_requests) == 2
    assert await cache.get(versioned(cache_key("gpt-4o-mini", reading_messages(asked)))) is None


async def test_a_failed_reading_is_not_cached(openai: OpenAIHarness) -> None:
    interpreter = openai.make(cache=MemoryCache())
    daily = make_request("single", question="", seed=3)
    openai.fake.queue = ["no_cards"]
    with pytest.raises(Exception):  # noqa: B017
        await interpreter.interpret(daily)
    assert not (await interpreter.interpret(daily)).cached
    assert (await interpreter.interpret(daily)).cached
    assert len(openai.fake.chat_requests) == 2


async def test_an_unusable_entry_is_replaced(openai: OpenAIHarness) -> None:
    cache = MemoryCache()
    daily = make_request("single", question="", seed=3)
    key = versioned(cache_key("gpt-4o-mini", reading_messages(daily)))
    await cache.set(key, {"text": "names no card", "model": "m"}, 60)
    interpreter = openai.make(cache=cache)
    assert not (await interpreter.interpret(daily)).cached
    assert (await interpreter.interpret(daily)).cached
    assert len(openai.fake.chat_requests) == 1


async def test_entries_live_for_a_day(openai: OpenAIHarness) -> None:
    clock = ManualClock()
    interpreter = openai.make(cache=MemoryCache(clock))
    daily = make_request("single", question="", seed=3)
    await interpreter.interpret(daily)
    clock.advance(CACHE_TTL_SECONDS - 1)
    assert (await interpreter.interpret(daily)).cached
    clock.advance(2)
    assert not (await interpreter.interpret(daily)).cached
    assert CACHE_TTL_SECONDS == 86400


async def test_an_entry_written_for_other_content_is_never_served(
    openai: OpenAIHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = MemoryCache()
    interpreter = openai.make(cache=cache)
    daily = make_request("single", question="", seed=3)
    assert not (await interpreter.interpret(daily)).cached
    assert (await interpreter.interpret(daily)).cached
    monkeypatch.setattr(version, "content_version", lambda: "0123456789abcdef")  # the packs changed
    assert not (await interpreter.interpret(daily)).cached
    assert (await interpreter.interpret(daily)).cached
    assert len(openai.fake.chat_requests) == 2
