"""The spread picture in the dialog: drawn and sent from the moment the cards are drawn, while the
interpreter writes (neither waits for the other), with the reading's text below it; a picture that
cannot be drawn or sent leaves the reading as text alone."""

from __future__ import annotations

import logging

import pytest
from dialog_support import USER, Bot

from tarot_domain.model.errors import validation
from tarot_domain.model.knowledge import card_knowledge
from tarot_ports.renderer import RenderRequest

PNG = b"\x89PNG\r\n\x1a\n-fake-picture"


class CountingRenderer:
    """A renderer that records each request and how many interpretations had started by then."""

    def __init__(self, bot_ref: list[Bot], fail: bool = False) -> None:
        self._bot = bot_ref
        self.fail = fail
        self.requests: list[RenderRequest] = []
        self.asked_before: list[int] = []

    async def render(self, request: RenderRequest) -> bytes:
        self.requests.append(request)
        self.asked_before.append(len(self._bot[0].interpreter.requests))
        if self.fail:
            raise validation("no layout for this spread")
        return PNG + request.spread_id.encode()


async def bot_with(fail: bool = False) -> tuple[Bot, CountingRenderer]:
    ref: list[Bot] = []
    renderer = CountingRenderer(ref, fail)
    bot = Bot(renderer=renderer)
    ref.append(bot)
    await bot.say("/start")
    return bot, renderer


async def test_the_picture_goes_out_while_the_interpreter_writes_and_the_reading_follows_it() -> None:
    bot, renderer = await bot_with()
    await bot.say("/read three")
    await bot.say("Will the move go well?")
    (request,) = renderer.requests
    assert renderer.asked_before == [1]  # this interpreter never yields: it was not kept waiting
    assert request.spread_id == "three" and request.language == "en" and len(request.cards) == 3
    stored = bot.interpreter.requests[-1].cards
    assert [(c.position_id, c.card_id, c.reversed) for c in request.cards] == [
        (c.position_id, c.card_id, c.reversed) for c in stored
    ]
    *_, picture, reading = bot.out.in_chat(USER)
    assert picture.reply.image == PNG + b"three" and picture.reply.text == ""
    assert "Will the move go well?" in reading.reply.text and "12 credits were used" in reading.reply.text
    # The text written while the picture was on its way was held, then the final edit showed it all.
    assert reading.edits == 1 and reading.message_id not in bot.out.deltas
    (gone,) = bot.out.deleted  # the placeholder sent before the draw moved below the picture
    assert gone.message_id < picture.message_id < reading.message_id
    assert await bot.available() == 8


async def test_a_picture_that_cannot_be_drawn_leaves_the_reading_as_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, renderer = await bot_with(fail=True)
    await bot.say("/read three")
    with caplog.at_level(logging.WARNING, logger="adapters.telegram"):
        await bot.say("Will the move go well?")
    assert len(renderer.requests) == 1 and "could not be drawn" in caplog.text
    reading = bot.out.last()
    assert all(m.reply.image is None for m in bot.out.in_chat(USER)) and bot.out.deleted == []
    assert "12 credits were used; 8 remain." in reading.reply.text and reading.edits == 1
    assert await bot.available() == 8


async def test_a_picture_that_cannot_be_sent_leaves_the_reading_as_text() -> None:
    bot, _ = await bot_with()
    send = bot.out.send

    async def refuse_pictures(chat_id: int, reply: object) -> int:
        if getattr(reply, "image", None):
            raise ConnectionError("upload failed")
        return await send(chat_id, reply)  # type: ignore[arg-type]

    bot.out.send = refuse_pictures  # type: ignore[method-assign]
    await bot.say("/read three")
    await bot.say("Will the move go well?")
    assert "12 credits were used; 8 remain." in bot.out.last().reply.text
    assert bot.out.deleted == [] and await bot.available() == 8


async def test_the_card_of_the_day_comes_with_its_picture_and_again_when_shown_again() -> None:
    bot, renderer = await bot_with()
    await bot.say("/daily")
    *_, picture, card = bot.out.in_chat(USER)
    assert picture.reply.image == PNG + b"single" and renderer.asked_before == [1]
    assert card.edits == 1 and card.reply.buttons
    await bot.say("/daily")
    *_, again_picture, again = bot.out.in_chat(USER)
    assert again_picture.reply.image == PNG + b"single" and again.reply.text == card.reply.text
    assert [r.cards for r in renderer.requests[1:]] == [renderer.requests[0].cards]
    assert len(bot.interpreter.requests) == 1  # shown again: no interpreter


async def test_text_written_after_the_picture_streams_into_the_placeholder_below_it() -> None:
    bot, renderer = await bot_with()
    bot.interpreter.pauses = 20  # a writer slower than the picture
    await bot.say("/read three")
    await bot.say("Will the move go well?")
    *_, picture, reading = bot.out.in_chat(USER)
    assert picture.reply.image and renderer.asked_before == [1]
    streamed = "".join(bot.out.deltas[reading.message_id])
    cards = bot.interpreter.requests[-1].cards
    names = [card_knowledge(c.card_id, "rider-waite", "en").display_name for c in cards]
    assert streamed == "".join(f"{name} " for name in names)  # every piece reached it, none lost
    assert [m.message_id for m in bot.out.deleted] == [reading.message_id - 2]
