"""Readings laid out for Telegram, through the real Telethon client and TL types: headings and card names
as `MessageEntityBold` (UTF-16 offsets), the answer first, sections kept whole, at most two messages
for a spread of up to ten cards, a longer spread one part at a time behind "continue"."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from binding_harness import USER_ID, FakeDialog, Harness
from dialog_support import Bot
from telethon.tl import functions, types

from adapters.memory.randomness import SeededRandom
from adapters.offline.interpreter import OfflineInterpreter
from adapters.telegram.events import MESSAGE_LIMIT, Button, Incoming, IncomingMessage, Outbox, Reply
from adapters.telegram.render import reading_body
from adapters.telegram.split import utf16_len
from adapters.telegram.texts import t
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import draw_cards
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.markup import bold, heading
from tarot_domain.model.readings import Reading
from tarot_domain.model.spreads import get_spread
from tarot_ports.interpreter import InterpretationRequest

SendMessage = functions.messages.SendMessageRequest
QUERIES = itertools.count(20_000)  # callback query ids, apart from the harness's update ids
EditMessage = functions.messages.EditMessageRequest


def bold_words(request: Any) -> list[str]:
    """What each bold entity covers, cut out of the message by UTF-16 offsets as Telegram does."""
    units = request.message.encode("utf-16-le")
    assert all(isinstance(e, types.MessageEntityBold) for e in request.entities or [])
    return [
        units[2 * e.offset : 2 * (e.offset + e.length)].decode("utf-16-le") for e in request.entities or []
    ]


def replying(reply: Reply) -> FakeDialog:
    async def behaviour(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send(event.chat_id, reply)

    return FakeDialog(behaviour)


async def test_bold_entities_count_utf16_units_in_ukrainian_with_emoji() -> None:
    text = (
        f"{heading('🔮 Минуле, теперішнє, майбутнє · Тот')}\n\n"
        f"Ваше запитання: «Чи вдасться переїзд? 🏠🌙»\n\n"
        f"Так, і {bold('Зірка')} 🌟 це підтверджує; {bold('Маг')} дає силу.\n\n"
        f"• Минуле: {bold('XI · Жага')} (пряма)"
    )
    h = Harness(replying(Reply(text, buttons=((Button("Далі", token="more-token"),),), rich=True)))
    await h.message("/read")
    (sent,) = h.sender.of(SendMessage)
    assert bytes(sent)  # serialises as MTProto would send it
    assert "**" not in sent.message and "## " not in sent.message
    assert bold_words(sent) == ["🔮 Минуле, теперішнє, майбутнє · Тот", "Зірка", "Маг", "XI · Жага"]
    star = sent.message.index("Зірка")
    assert sent.entities[1].offset == star + 3  # 🔮 🏠 🌙 before it count two units each
    assert sent.reply_markup is not None


async def test_plain_replies_carry_no_entities() -> None:
    h = Harness(replying(Reply("Five * three is **not** a heading")))
    await h.message("/x")
    (sent,) = h.sender.of(SendMessage)
    assert sent.message == "Five * three is **not** a heading" and not sent.entities


async def test_a_celtic_cross_reads_answer_first_in_at_most_two_messages_with_bold_card_names() -> None:
    for lang, deck in (("en", "rider-waite"), ("uk", "thoth")):
        reading = await offline_reading("celtic-cross", deck, lang)
        h = Harness(replying(Reply(reading_body(reading, lang), rich=True)))
        await h.message("/read")
        sent = h.sender.of(SendMessage)
        assert 1 <= len(sent) <= 2 and all(utf16_len(r.message) <= MESSAGE_LIMIT for r in sent)
        whole = "\n\n".join(r.message for r in sent)
        names = [card_knowledge(c.card_id, deck, lang).label for c in reading.cards]
        first_card_line = whole.index(names[0] + " (")
        assert whole.index(reading.interpretation.text.split(".")[0].replace("**", "")) < first_card_line
        words = [w for r in sent for w in bold_words(r)]
        assert set(names) <= set(words)  # every card's name in bold, in the card lines at least
        assert words[0].startswith("🔮")  # the title is the heading


async def offline_reading(spread_id: str, deck: str, lang: str) -> Reading:
    spread = get_spread(spread_id)
    positions = [p.id for p in spread.positions]
    cards = tuple(draw_cards(catalogue().ids, positions, SeededRandom(5), reversals=True))
    question = "Чи варто переїхати?" if lang == "uk" else "Should I move?"
    request = InterpretationRequest(spread.id, deck, lang, question, cards)
    interpretation = await OfflineInterpreter().interpret(request)
    return Reading(
        id="r1", user_id="u1", idempotency_key="k", spread_id=spread.id, deck_id=deck, language=lang,
        question=request.question, cards=cards, interpretation=interpretation,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )  # fmt: skip


async def long_bot() -> tuple[Bot, Harness]:
    bot = Bot(welcome=600)
    bot.interpreter.sections = 8  # about 12k characters: four messages' worth
    h = Harness(bot.dialog)  # type: ignore[arg-type]
    await h.message("/start")
    await bot.users.set_tier((await bot.user(USER_ID)).id, "tier-professional", None)
    return bot, h


async def test_a_year_ahead_comes_one_section_cut_part_at_a_time_behind_continue() -> None:
    bot, h = await long_bot()
    await read_year_ahead(bot, h)
    first = h.sender.of(EditMessage)[-1]
    assert utf16_len(first.message) <= MESSAGE_LIMIT and "Part 1" in first.message
    (more,) = [b for row in first.reply_markup.rows for b in row.buttons]
    assert more.text == t("button.continue", "en")
    parts = [first.message]
    while True:
        before = len(h.sender.of(SendMessage))
        await h.callback(more.type.data, msg_id=first.id, query_id=next(QUERIES))
        (shown,) = h.sender.of(SendMessage)[before:]
        parts.append(shown.message)
        assert utf16_len(shown.message) <= MESSAGE_LIMIT
        labels = [b.text for row in shown.reply_markup.rows for b in row.buttons]
        if labels != [t("button.continue", "en")]:
            assert "New reading" in labels  # the reading's own buttons under its last part
            break
        (more,) = [b for row in shown.reply_markup.rows for b in row.buttons]
    whole = "\n\n".join(parts)
    # Sections kept whole: every part begins with a section's heading, and each heading is bold.
    assert all(p.lstrip().startswith(("🔮", "Part ")) for p in parts)
    assert [f"Part {n}" in whole for n in range(1, 9)] == [True] * 8
    assert "500 credits were used" in parts[-1] and len(parts) >= 3
    assert len(bot.interpreter.requests) == 1 and await bot.available(USER_ID) == 100


async def test_continue_pressed_twice_shows_its_part_once() -> None:
    bot, h = await long_bot()
    await read_year_ahead(bot, h)
    first = h.sender.of(EditMessage)[-1]
    (more,) = [b for row in first.reply_markup.rows for b in row.buttons]
    await h.callback(more.type.data, msg_id=first.id, query_id=next(QUERIES))
    sent = len(h.sender.of(SendMessage))
    await h.callback(more.type.data, msg_id=first.id, query_id=next(QUERIES))
    assert len(h.sender.of(SendMessage)) == sent  # the second press shows nothing again
    # The pressed message lost its button: its part stays, without "continue".
    assert h.sender.of(EditMessage)[-1].id == first.id and h.sender.of(EditMessage)[-1].reply_markup is None


async def read_year_ahead(bot: Bot, h: Harness) -> None:
    await h.message("/read year-ahead")
    for _ in get_spread("year-ahead").questionnaire:
        await press(h, "Skip")
    await h.message("What will this year bring?")
    await press(h, "Read for 500")


async def press(h: Harness, label: str) -> None:
    """Press the newest button whose label starts with `label`, as the person would."""
    for request in reversed(h.sender.requests):
        markup = getattr(request, "reply_markup", None)
        for row in getattr(markup, "rows", []):
            for button in row.buttons:
                if button.text.startswith(label):
                    await h.callback(
                        button.type.data, msg_id=getattr(request, "id", 55), query_id=next(QUERIES)
                    )
                    return
    raise AssertionError(f"no button {label!r}")
