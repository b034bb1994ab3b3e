"""Callback data is opaque and checked: junk, forged, foreign or stale tokens change nothing."""

from __future__ import annotations

import os

import pytest
from dialog_support import OTHER, USER, Bot

from adapters.telegram.callbacks import parse_token

EXPIRED = "This button has expired. Please start again."


@pytest.mark.parametrize(
    "data",
    [
        b"",
        os.urandom(12),
        b"\xff\xfe\x00junk",
        b"a" * 64,
        b"a" * 65,
        b"x" * 4096,
        b"abcdef123456",  # looks like one of ours, but was never issued
        b"spread:celtic-cross",  # a guess at a meaningful format
        "токен-кнопки".encode(),
    ],
)
async def test_junk_callback_data_gets_expired_and_changes_nothing(data: bytes) -> None:
    bot = Bot()
    await bot.say("/start")
    before = len(bot.out.messages)
    query = await bot.click(data, message_id=101)
    assert bot.answer_of(query) == (EXPIRED, False)
    assert len(bot.out.messages) == before and await bot.available() == 20
    assert bot.interpreter.requests == []


async def test_another_persons_token_is_refused() -> None:
    bot = Bot()
    await bot.say("/read")
    message, button = bot.out.find_button("Single Card")
    query = await bot.click(button.token.encode(), message.message_id, user=OTHER, chat=USER)
    assert bot.answer_of(query)[0] == EXPIRED
    query = await bot.click(button.token.encode(), message.message_id, user=OTHER)  # in OTHER's own chat
    assert bot.answer_of(query)[0] == EXPIRED
    assert "type your question" not in bot.out.text()


async def test_tokens_expire() -> None:
    bot = Bot(callback_ttl=60)
    await bot.say("/read")
    bot.clock.advance(61)
    query = await bot.press("Single Card")
    assert bot.answer_of(query)[0] == EXPIRED


async def test_issued_tokens_are_short_and_url_safe() -> None:
    bot = Bot()
    await bot.say("/buy")
    tokens = [b.token for m in bot.out.in_chat(USER) for row in m.reply.buttons for b in row]
    assert tokens and len(set(tokens)) == len(tokens)
    for token in tokens:
        assert len(token.encode()) <= 64 and parse_token(token.encode()) == token


async def test_every_press_is_answered_once_even_when_the_action_fails() -> None:
    bot = Bot(welcome=0)
    await bot.say("/read")
    await bot.press("Single Card")  # not enough credits: a message, and the query still answered once
    assert "costs 5 credits and you have 0" in bot.out.text() and "Starter pack" in bot.out.labels()[-5]
    await bot.say("/history")
    await bot.say("/forget")
    message, yes = bot.out.find_button("Yes, delete my data")
    await bot.click(yes.token.encode(), message.message_id)
    await bot.click(yes.token.encode(), message.message_id)
