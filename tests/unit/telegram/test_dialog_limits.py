"""Fair limits in the chat: readings paced by tier, follow-ups on their own, the global LLM budget, free
actions never counted, and a message that says (in the person's language) when they can go on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

import pytest
from dialog_support import GENEROUS, OTHER, USER, Bot

from adapters.telegram.dialog.limits import wait_text
from tarot_ports.rate_limit import DEFAULT_LIMITS, RateLimit


def limits(**changes: RateLimit) -> Mapping[str, RateLimit]:
    """Generous everywhere except the limits named, which keep their defaults or take the value given."""
    chosen = dict(GENEROUS)
    for name, value in changes.items():
        chosen[name] = value
    return chosen


DEFAULT = {name: DEFAULT_LIMITS[name] for name in DEFAULT_LIMITS}


async def started(welcome: int = 500, **named: RateLimit) -> Bot:
    bot = Bot(welcome=welcome, limits=limits(**named))
    await bot.say("/start")
    return bot


async def test_free_users_get_three_at_once_then_one_every_twelve_minutes() -> None:
    bot = await started(
        readings_per_user=DEFAULT["readings_per_user"],
        subscriber_readings_per_user=DEFAULT["subscriber_readings_per_user"],
    )
    for n in range(3):
        await bot.ask(f"Question {n}")
    assert await bot.available() == 500 - 36
    await bot.say("One too many?")  # the offer costs nothing and counts nothing
    offer, read = bot.out.find_button("Read for 12 credits")
    await bot.press("Read for 12 credits")
    assert offer.reply.text == (
        "Let the cards rest a little: without a subscription you can have 5 readings an hour. Your next "
        "reading can start in 12 minutes. Subscribers get 30 an hour (see /buy).\n\n"
        "“Past, Present, Future” costs 12 credits; you have 464. Shall I read the cards?"
    )
    assert len(bot.interpreter.requests) == 3 and await bot.available() == 464
    _, again = bot.out.find_button("Read for 12 credits")
    assert again.token != read.token  # offered again, for when the wait is over
    bot.clock.advance(timedelta(minutes=12))
    await bot.press("Read for 12 credits")
    assert bot.interpreter.requests[-1].question == "One too many?" and await bot.available() == 452
    await bot.ask("And another?")
    assert "Your next reading can start in 12 minutes." in bot.out.text()


async def test_subscribers_get_thirty_an_hour_on_a_bucket_of_their_own() -> None:
    bot = await started(
        readings_per_user=DEFAULT["readings_per_user"],
        subscriber_readings_per_user=DEFAULT["subscriber_readings_per_user"],
    )
    for n in range(3):
        await bot.ask(f"Free {n}")
    await bot.users.set_tier((await bot.user()).id, "tier-premium", bot.clock.now() + timedelta(days=31))
    for n in range(10):  # just subscribed: a full bucket, not the free one's wait
        await bot.ask(f"Paid {n}")
    assert len(bot.interpreter.requests) == 13
    await bot.say("Eleventh?")
    await bot.press("Read for 12 credits")
    assert bot.out.last().reply.text.startswith(
        "You've asked for many readings in a short time: your subscription includes 30 readings an hour. "
        "Your next reading can start in 2 minutes."
    )
    assert len(bot.interpreter.requests) == 13


async def test_a_spread_chosen_by_command_is_limited_the_same_way() -> None:
    bot = await started(readings_per_user=RateLimit(rate=5, period=3600, burst=1))
    await bot.say("/read single")
    await bot.say("First")
    await bot.say("/read single")
    await bot.say("Second")
    assert bot.out.text().startswith("Let the cards rest a little") and "12 minutes" in bot.out.text()
    assert len(bot.interpreter.requests) == 1 and await bot.available() == 495
    bot.clock.advance(timedelta(minutes=12))
    await bot.say("Second, again")  # the question flow waited
    assert bot.interpreter.requests[-1].question == "Second, again" and await bot.available() == 490


async def test_free_actions_never_count() -> None:
    one = RateLimit(rate=1, period=3600, burst=1)
    bot = await started(readings_per_user=one, llm_readings_global=RateLimit(rate=3, period=3600, burst=3))
    await bot.say("/daily")  # the day's first card: once a day, so never a reading of the limit
    for command in ["/daily", "/daily", "/history", "/deck", "/language", "/help", "/balance", "/spreads"]:
        await bot.say(command)
    await bot.press("Help")  # the greeting's buttons
    await bot.press("Card of the day")
    await bot.press("Balance")
    assert len(bot.interpreter.requests) == 1  # the card was drawn once and shown again for free
    await bot.ask("Now a reading")  # the one reading the hour allows is still there
    assert bot.interpreter.requests[-1].question == "Now a reading"
    await bot.press("Ask a follow-up")  # follow-ups have their own limit
    await bot.say("And then?")
    assert bot.interpreter.follow_ups == ["And then?"]
    await bot.say("/daily")  # shown again: the budget (3, all used) is not asked
    assert "Your card of the day" in bot.out.text()
    await bot.ask("Another reading?")
    assert "Let the cards rest a little" in bot.out.text()


async def test_follow_ups_have_their_own_limit_and_a_refusal_keeps_the_question_waiting() -> None:
    bot = await started(follow_ups_per_user=DEFAULT["follow_ups_per_user"])
    await bot.ask("First reading")
    for n in range(3):
        await bot.press("Ask a follow-up")
        await bot.say(f"About it {n}?")
    await bot.ask("Second reading")  # readings are not follow-ups: not limited by them
    await bot.press("Ask a follow-up")
    await bot.say("A fourth follow-up?")
    assert (
        bot.out.text()
        == "I answer up to 10 follow-up questions an hour. You can ask the next one in 6 minutes."
    )
    assert len(bot.interpreter.follow_ups) == 3 and await bot.available() == 500 - 24 - 6
    bot.clock.advance(timedelta(minutes=6))
    await bot.say("A fourth follow-up, now?")
    assert bot.interpreter.follow_ups[-1] == "A fourth follow-up, now?" and await bot.available() == 468


async def test_the_global_budget_stops_everyone_and_says_when() -> None:
    bot = await started(llm_readings_global=RateLimit(rate=2, period=60, burst=2))
    await bot.say("/daily")
    await bot.ask("Mine")
    await bot.say("/start", user=OTHER)
    await bot.say("Theirs", user=OTHER)
    await bot.press("Read for 12 credits", user=OTHER)
    busy = (
        "So many people are consulting the cards right now that I need a short pause. Please try again in "
        "30 seconds; nothing was charged."
    )
    assert bot.out.text(OTHER).startswith(busy)
    await bot.say("/daily", user=OTHER)  # a day's first card is an interpreter call too
    assert bot.out.text(OTHER) == busy
    await bot.say("/daily")  # USER's card, shown again, asks nothing of the budget
    assert "Your card of the day" in bot.out.text()
    assert len(bot.interpreter.requests) == 2 and await bot.available(OTHER) == 500
    bot.clock.advance(30)
    await bot.press("Read for 12 credits", user=OTHER)
    assert bot.interpreter.requests[-1].question == "Theirs" and await bot.available(OTHER) == 488


async def test_the_wait_is_told_in_ukrainian_with_its_plurals() -> None:
    hourly = limits(
        readings_per_user=RateLimit(rate=1, period=3600, burst=1),
        subscriber_readings_per_user=DEFAULT["subscriber_readings_per_user"],
    )
    bot = Bot(welcome=100, limits=hourly)
    await bot.say("/start", lang="uk")
    await bot.ask("Перше запитання", lang="uk")
    await bot.say("Друге запитання", lang="uk")
    await bot.press("Розкласти за 12 кредитів")
    assert bot.out.last().reply.text.startswith(
        "Дайте картам трохи перепочити: без підписки можна отримати 1 розклад на годину. Наступний розклад "
        "можна почати за 1 годину. З підпискою — 30 на годину (дивіться /buy)."
    )


@pytest.mark.parametrize(
    ("seconds", "en", "uk"),
    [
        (0.2, "1 second", "1 секунду"),
        (40, "40 seconds", "40 секунд"),
        (59.5, "1 minute", "1 хвилину"),
        (61, "2 minutes", "2 хвилини"),
        (21 * 60, "21 minutes", "21 хвилину"),
        (25 * 60 - 1, "25 minutes", "25 хвилин"),
        (3600, "1 hour", "1 годину"),
        (3600 + 5 * 60, "1 hour and 5 minutes", "1 годину 5 хвилин"),
        (2 * 3600 + 50, "2 hours and 1 minute", "2 години 1 хвилину"),
        (5 * 3600 - 30, "5 hours", "5 годин"),
    ],
)
def test_waits_read_as_people_say_them(seconds: float, en: str, uk: str) -> None:
    assert wait_text(seconds, "en") == en
    assert wait_text(seconds, "uk") == uk


async def test_the_command_flood_guard_still_answers_politely() -> None:
    bot = await started(commands_per_user=RateLimit(rate=1, period=60, burst=2))  # /start used one
    await bot.say("/balance")
    await bot.say("/balance")
    assert bot.out.text(USER) == "You're going a little fast. Please try again in 1 minute."
