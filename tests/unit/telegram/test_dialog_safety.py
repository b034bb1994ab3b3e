"""The safety screen at the bot's intake: a person in crisis gets care and a helpline as the whole answer,
at every place they can type (plain text, the question, a questionnaire answer, a follow-up), with no
price, no buttons, no draw, no charge and nothing of the text kept; health, legal and money questions are
read, framed, with no lean."""

from __future__ import annotations

import pytest
from dialog_support import Bot

CRISIS = {"en": "I want to kill myself", "uk": "Я хочу покінчити з усім"}
HELPLINE = {"en": "findahelpline.com", "uk": "7333"}


async def nothing_moved(bot: Bot, lang: str, spent: int = 0) -> None:
    text = bot.out.text()
    assert HELPLINE[lang] in text and "findahelpline.com" in text
    assert bot.out.labels() == [] or not any("Read for" in label for label in bot.out.labels())
    assert await bot.spent() == spent
    me = await bot.user()
    assert (await bot.credits.balance(me.id)).pending_out == 0
    assert not any(CRISIS[lang] in repr(value) for value in bot.sessions_dump())


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_plain_text_in_crisis_gets_support_and_nothing_else(lang: str) -> None:
    bot = Bot()
    await bot.say("/start", lang=lang)
    await bot.say(CRISIS[lang], lang=lang)
    await nothing_moved(bot, lang)
    assert bot.interpreter.requests == []
    readings, total = await bot.readings.history((await bot.user()).id, limit=5)
    assert total == 0 and readings == []


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_the_question_of_a_chosen_spread_in_crisis_ends_the_flow(lang: str) -> None:
    bot = Bot(confirm_from=1)
    await bot.say("/read single", lang=lang)
    await bot.say(CRISIS[lang], lang=lang)
    await nothing_moved(bot, lang)
    await bot.say("What does this week hold?", lang=lang)  # the flow ended: an offer, not the single card
    assert bot.interpreter.requests == []


async def test_a_questionnaire_answer_in_crisis_is_not_recorded() -> None:
    bot = Bot()
    await bot.say("/start")
    await bot.users.set_tier((await bot.user()).id, "tier-premium", None)
    await bot.say("/read career")
    await bot.say("nobody would miss me if I was gone")
    await nothing_moved(bot, "en")
    assert bot.interpreter.requests == []


async def test_a_follow_up_in_crisis_is_not_charged_or_answered() -> None:
    bot = Bot()
    await bot.ask("How is my week?")
    spent = await bot.spent()
    await bot.press("Ask a follow-up")
    await bot.say("honestly I just want to die")
    await nothing_moved(bot, "en", spent)
    assert bot.interpreter.follow_ups == []


async def test_a_health_question_is_read_framed() -> None:
    bot = Bot()
    await bot.ask("Should I stop taking my antidepressants?")
    request = bot.interpreter.requests[-1]
    assert request.safety is not None and request.safety.value == "health"


async def test_look_alikes_are_ordinary_questions() -> None:
    bot = Bot()
    await bot.ask("I'm dying to know if he likes me")
    assert bot.interpreter.requests[-1].safety is None
