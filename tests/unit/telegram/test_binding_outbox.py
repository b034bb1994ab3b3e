"""Rendering through the real Telethon client: long messages split, readings streamed by edits at most
once a second per chat, FLOOD_WAIT honoured and bounded, "typing…" kept alive while a reading is written."""

from __future__ import annotations

import asyncio
import itertools
import logging

import pytest
from binding_harness import USER_ID, FakeDialog, Harness, flood, rpc_error
from telethon import errors
from telethon.tl import functions, types

from adapters.telegram.events import MESSAGE_LIMIT, Button, Incoming, IncomingMessage, Outbox, Reply
from adapters.telegram.split import utf16_len
from tarot_domain.content.registry import translate

SendMessage = functions.messages.SendMessageRequest
EditMessage = functions.messages.EditMessageRequest
SetTyping = functions.messages.SetTypingRequest


def paragraphs(count: int, size: int) -> list[str]:
    return [f"P{i:02d} " + ("lorem ipsum " * size).strip() for i in range(count)]


async def test_a_long_reply_is_split_on_paragraph_boundaries_with_buttons_on_the_last_part() -> None:
    parts = paragraphs(12, 60)  # ~720 characters each, ~8.7k in all
    text = "\n\n".join(parts)

    async def long_reply(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send(event.chat_id, Reply(text, buttons=((Button("More", token="more"),),)))

    h = Harness(FakeDialog(long_reply))
    await h.message("/history")
    sent = h.sender.of(SendMessage)
    assert len(sent) == 3
    assert all(utf16_len(r.message) <= MESSAGE_LIMIT for r in sent)
    # Every message is whole paragraphs, and together they are the text.
    for request in sent:
        assert all(p in parts for p in request.message.split("\n\n"))
    assert "\n\n".join(r.message for r in sent) == text
    assert [r.reply_markup is not None for r in sent] == [False, False, True]


async def test_a_split_reply_paces_one_chat() -> None:
    async def five(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        for i in range(5):
            await out.send(event.chat_id, Reply(f"part {i}"))

    h = Harness(FakeDialog(five))
    await h.message("/go")
    times = h.sender.times_of(SendMessage)
    start = times[0]
    # A burst of three, then one a second: Telegram's per-chat limit.
    assert [round(t - start, 3) for t in times] == [0, 0, 0, 1.0, 2.0]


def streaming_dialog(pieces: list[str], step: float, time_source: list[Harness]) -> FakeDialog:
    async def stream(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        h = time_source[0]
        await out.typing(event.chat_id)
        placeholder = await out.send(event.chat_id, Reply("Shuffling…"))
        on_delta = out.streamer(event.chat_id, placeholder)
        for piece in pieces:
            h.time.now += step  # the model takes a while between pieces
            await on_delta(piece)

    return FakeDialog(stream)


async def test_a_streamed_reading_is_edited_in_at_most_once_a_second_and_flushed_at_the_end() -> None:
    pieces = [f"word{i} " for i in range(20)]
    holder: list[Harness] = []
    h = Harness(streaming_dialog(pieces, 0.3, holder))
    holder.append(h)
    await h.message("/read")
    edits = h.sender.of(EditMessage)
    times = h.sender.times_of(EditMessage)
    assert len(edits) >= 2
    assert all(b - a >= 1.0 - 1e-9 for a, b in itertools.pairwise(times))
    assert len(edits) <= 1 + (20 * 0.3) // 1.0 + 1  # ≈ one per second of streaming, plus the final flush
    (placeholder,) = h.sender.of(SendMessage)
    assert {e.id for e in edits} == {500}  # all into the placeholder message
    assert placeholder.message == "Shuffling…"
    assert edits[-1].message == "".join(pieces).strip()  # the final flush shows everything
    texts = [e.message for e in edits]
    assert all(later.startswith(earlier) for earlier, later in itertools.pairwise(texts))


async def test_a_stream_growing_past_the_limit_continues_in_a_new_message() -> None:
    parts = paragraphs(9, 60)
    pieces = [p + "\n\n" for p in parts]  # ~6.5k characters in all
    holder: list[Harness] = []
    h = Harness(streaming_dialog(pieces, 1.0, holder))
    holder.append(h)
    await h.message("/read")
    sends = h.sender.of(SendMessage)
    assert len(sends) == 2  # the placeholder, then the continuation
    continuation_id = 501
    edits = h.sender.of(EditMessage)
    first = [e.message for e in edits if e.id == 500]
    second = [e.message for e in edits if e.id == continuation_id]
    assert all(utf16_len(m) <= MESSAGE_LIMIT for m in [*first, *second, sends[1].message])
    final_second = second[-1] if second else sends[1].message
    assert first[-1] + "\n\n" + final_second == "\n\n".join(parts)
    times = h.sender.times_of(EditMessage)
    assert all(b - a >= 1.0 - 1e-9 for a, b in itertools.pairwise(times))


async def test_the_dialogs_final_edit_replaces_the_stream_and_tidies_its_continuations() -> None:
    parts = paragraphs(9, 60)

    async def stream_then_edit(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        head = await out.send(event.chat_id, Reply("…"))
        on_delta = out.streamer(event.chat_id, head)
        for part in parts:
            h.time.now += 1.0
            await on_delta(part + "\n\n")
        await out.edit(
            event.chat_id, head, Reply("A short ending.", buttons=((Button("Again", token="again"),),))
        )
        await on_delta("late piece")  # ignored: the dialog's edit was the final word

    h = Harness(FakeDialog(stream_then_edit))
    await h.message("/read")
    last_edit = h.sender.of(EditMessage)[-1]
    assert (last_edit.id, last_edit.message) == (500, "A short ending.")
    assert last_edit.reply_markup is not None
    (delete,) = h.sender.of(functions.messages.DeleteMessagesRequest)
    assert delete.id == [501]  # the continuation message is gone
    assert not any("late piece" in (e.message or "") for e in h.sender.of(EditMessage))


async def test_flood_wait_is_slept_and_the_same_request_retried() -> None:
    async def hello(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send(event.chat_id, Reply("hello"))

    h = Harness(FakeDialog(hello))
    # Telethon "ignores" its own record of a flood wait of 3 s or less, so the retry reaches the sender.
    h.sender.fail(SendMessage, flood(3), flood(2))
    await h.message("/start")
    first, second, third = h.sender.of(SendMessage)
    assert first.random_id == second.random_id == third.random_id  # Telegram de-duplicates a retry
    times = h.sender.times_of(SendMessage)
    assert times[1] - times[0] >= 3 and times[2] - times[1] >= 2
    assert 3 in h.time.sleeps and 2 in h.time.sleeps


async def test_flood_wait_retries_are_bounded_and_the_failure_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def hello(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send(event.chat_id, Reply("hello"))

    h = Harness(FakeDialog(hello))
    h.sender.fail(SendMessage, *[flood(2)] * 10)
    with caplog.at_level(logging.WARNING, logger="adapters.telegram"):
        await h.message("/start", message_id=77)
    # 1 try + 3 retries for the reply, then the apology's 1 + 3, and nothing more.
    assert len(h.sender.of(SendMessage)) == 8
    assert any(r.exc_info and "update 77" in r.getMessage() for r in caplog.records)


async def test_a_long_flood_wait_is_not_slept_through() -> None:
    async def hello(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.edit(event.chat_id, 3, Reply("x"))

    h = Harness(FakeDialog(hello))
    h.sender.fail(EditMessage, lambda r: errors.FloodWaitError(request=r, capture=3600))
    await h.message("/start")
    assert len(h.sender.of(EditMessage)) == 1
    assert 3600 not in h.time.sleeps


async def test_a_flood_wait_mid_stream_pauses_edits_without_blocking_the_reading() -> None:
    holder: list[Harness] = []
    pieces = [f"w{i} " for i in range(10)]
    h = Harness(streaming_dialog(pieces, 1.0, holder))
    holder.append(h)
    h.sender.fail(EditMessage, flood(3))
    await h.message("/read")
    assert 3 not in h.time.sleeps  # the stream did not sleep on it...
    assert h.sender.of(EditMessage)[-1].message == "".join(pieces).strip()  # ...and the end is shown


async def test_an_unchanged_edit_is_not_an_error() -> None:
    async def same(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.edit(event.chat_id, 9, Reply("same"))
        await out.send(event.chat_id, Reply("done"))

    h = Harness(FakeDialog(same))
    h.sender.fail(EditMessage, rpc_error("MESSAGE_NOT_MODIFIED"))
    await h.message("/x")
    assert [r.message for r in h.sender.of(SendMessage)] == ["done"]


async def test_typing_is_sent_and_kept_alive_until_the_handler_ends() -> None:
    ticks = asyncio.Event()

    async def quick_tick(seconds: float) -> None:
        await asyncio.sleep(0)
        ticks.set()

    async def long_reading(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.typing(event.chat_id)
        for _ in range(20):
            await asyncio.sleep(0)  # the reading is being written

    h = Harness(FakeDialog(long_reading), typing_sleep=quick_tick)
    await h.message("/read")
    typing = h.sender.of(SetTyping)
    assert len(typing) >= 2
    assert all(isinstance(t.action, types.SendMessageTypingAction) for t in typing)
    assert typing[0].peer == types.InputPeerUser(USER_ID, 777)
    count = len(typing)
    for _ in range(10):
        await asyncio.sleep(0)
    assert len(h.sender.of(SetTyping)) == count  # stopped with the handler
    assert not [t for t in asyncio.all_tasks() if t.get_name().startswith("typing:")]


async def test_a_failing_typing_request_does_not_fail_the_reading() -> None:
    async def reading(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.typing(event.chat_id)
        await out.send(event.chat_id, Reply("your reading"))

    h = Harness(FakeDialog(reading))
    h.sender.fail(SetTyping, rpc_error("CHAT_WRITE_FORBIDDEN", 403))
    await h.message("/read")
    assert [r.message for r in h.sender.of(SendMessage)] == ["your reading"]


async def test_an_empty_reply_still_sends_something() -> None:
    async def empty(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send(event.chat_id, Reply("   "))

    h = Harness(FakeDialog(empty))
    await h.message("/x")
    assert [r.message for r in h.sender.of(SendMessage)] == ["…"]


async def test_an_image_reply_is_a_photo_with_the_text_as_caption() -> None:
    async def card(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send(
            event.chat_id,
            Reply("The Star", image="https://example.org/star.jpg", buttons=((Button("Read", token="r"),),)),
        )

    h = Harness(FakeDialog(card))
    await h.message("/daily")
    (media,) = h.sender.of(functions.messages.SendMediaRequest)
    assert media.message == "The Star"
    assert isinstance(media.media, types.InputMediaPhotoExternal)
    assert media.reply_markup is not None
    assert h.sender.of(SendMessage) == []


async def test_the_apology_uses_the_senders_language() -> None:
    async def broken(event: Incoming, out: Outbox) -> None:
        raise KeyError("bug")

    h = Harness(FakeDialog(broken))
    from binding_harness import user

    await h.message("/x", sender=user(lang="uk-UA"))
    assert [r.message for r in h.sender.of(SendMessage)] == [translate("error.database", "uk")]
