"""Telegram updates through the real Telethon dispatch into the dialog's events, and replies out as TL
requests: messages with inline keyboards, callback answers, errors that never reach the client."""

from __future__ import annotations

import asyncio
import logging

import pytest
from binding_harness import BOT_ID, USER_HASH, USER_ID, FakeDialog, Harness, user
from telethon.tl import functions, types

from adapters.telegram.binding import strip_bot_mention
from adapters.telegram.events import (
    CALLBACK_DATA_LIMIT,
    Button,
    Incoming,
    IncomingCallback,
    IncomingMessage,
    Outbox,
    PreCheckoutQuery,
    RefundedPayment,
    Reply,
    Sender,
    SuccessfulPayment,
)
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import ErrorKind, TarotError

SendMessage = functions.messages.SendMessageRequest
CallbackAnswer = functions.messages.SetBotCallbackAnswerRequest


async def test_a_text_command_becomes_an_incoming_message() -> None:
    dialog = FakeDialog()
    h = Harness(dialog)
    await h.message("/start", sender=user(lang="uk", first_name="Olena"), message_id=321)
    assert dialog.events == [
        IncomingMessage(
            update_id=321,
            chat_id=USER_ID,
            sender=Sender(user_id=USER_ID, language_code="uk", display_name="Olena"),
            text="/start",
            message_id=321,
        )
    ]


async def test_a_reply_with_buttons_is_one_message_with_an_inline_keyboard() -> None:
    async def menu(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        reply = Reply(
            "Choose a spread",
            buttons=(
                (Button("Three cards", token="s:three"), Button("Celtic cross", token="s:celtic")),
                (Button("Help", url="https://example.org/help"),),
            ),
        )
        message_id = await out.send(event.chat_id, reply)
        assert message_id >= 500  # the id Telegram gave the message, from UpdateShortSentMessage

    h = Harness(FakeDialog(menu))
    await h.message("/read")
    (request,) = h.sender.of(SendMessage)
    assert request.message == "Choose a spread"
    assert request.peer == types.InputPeerUser(USER_ID, USER_HASH)  # from the update's entities
    assert request.no_webpage is True
    markup = request.reply_markup
    assert isinstance(markup, types.ReplyInlineMarkup)
    first, second = markup.rows
    assert [b.text for b in first.buttons] == ["Three cards", "Celtic cross"]
    callbacks = [b.type for b in first.buttons]
    # Telethon 1.45's layer names the callback button KeyboardInlineButton + InlineButtonTypeCallback.
    assert all(isinstance(t, types.InlineButtonTypeCallback) for t in callbacks)
    assert [t.data for t in callbacks] == [b"s:three", b"s:celtic"]
    assert all(len(t.data) <= CALLBACK_DATA_LIMIT for t in callbacks)
    assert isinstance(second.buttons[0].type, types.InlineButtonTypeUrl)
    assert second.buttons[0].type.url == "https://example.org/help"


async def test_a_token_over_64_bytes_is_refused_and_the_user_gets_an_apology(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def too_long(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send(event.chat_id, Reply("x", buttons=((Button("big", token="t" * 65),),)))

    h = Harness(FakeDialog(too_long))
    with caplog.at_level(logging.ERROR, logger="adapters.telegram"):
        await h.message("/read", message_id=808)
    (apology,) = h.sender.of(SendMessage)
    assert apology.message == translate("error.database", "en")
    assert apology.reply_markup is None
    assert any("update 808" in r.getMessage() and r.exc_info for r in caplog.records)


async def test_a_callback_becomes_an_event_and_the_dialogs_answer_is_sent_once() -> None:
    async def toast(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingCallback)
        await out.answer_callback(event.query_id, "Shuffling…", alert=False)
        await out.answer_callback(event.query_id, "again")  # a second answer would be an RPC error
        await out.edit(event.chat_id, event.message_id, Reply("You chose three cards"))

    dialog = FakeDialog(toast)
    h = Harness(dialog)
    await h.callback(b"s:three", query_id=31337, msg_id=55)
    assert dialog.events == [
        IncomingCallback(
            update_id=31337,
            chat_id=USER_ID,
            sender=Sender(user_id=USER_ID, language_code="en", display_name="Ada"),
            message_id=55,
            query_id=31337,
            data=b"s:three",
        )
    ]
    (answer,) = h.sender.of(CallbackAnswer)
    assert (answer.query_id, answer.message, answer.cache_time) == (31337, "Shuffling…", 0)
    (edit,) = h.sender.of(functions.messages.EditMessageRequest)
    assert (edit.id, edit.message, edit.reply_markup) == (55, "You chose three cards", None)


@pytest.mark.parametrize("fails", [False, True])
async def test_every_callback_is_answered_even_when_the_dialog_forgets_or_fails(fails: bool) -> None:
    async def forgetful(event: Incoming, out: Outbox) -> None:
        if fails:
            raise RuntimeError("boom")

    h = Harness(FakeDialog(forgetful))
    await h.callback(b"x", query_id=1)
    await h.callback(b"y", query_id=2)
    assert [a.query_id for a in h.sender.of(CallbackAnswer)] == [1, 2]
    assert all(a.message is None for a in h.sender.of(CallbackAnswer))
    assert len(h.sender.of(SendMessage)) == (2 if fails else 0)  # the apology


async def test_a_failing_handler_is_logged_with_the_update_id_and_the_client_keeps_going(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls = 0

    async def flaky(event: Incoming, out: Outbox) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ValueError("a bug")
        assert isinstance(event, IncomingMessage)
        await out.send(event.chat_id, Reply("fine now"))

    h = Harness(FakeDialog(flaky))
    with caplog.at_level(logging.ERROR, logger="adapters.telegram"):
        await h.message("/one", message_id=11, sender=user(lang="uk"))
        await h.message("/two", message_id=12)
    failure = [r for r in caplog.records if r.name == "adapters.telegram" and r.exc_info]
    assert len(failure) == 1 and "update 11" in failure[0].getMessage()
    assert [r.message for r in h.sender.of(SendMessage)] == [translate("error.database", "uk"), "fine now"]


async def test_a_domain_error_escaping_the_dialog_is_told_in_the_users_language() -> None:
    async def refuse(event: Incoming, out: Outbox) -> None:
        raise TarotError(ErrorKind.NOT_FOUND, "no such reading", message_key="error.unknown_reading")

    h = Harness(FakeDialog(refuse))
    await h.message("/history 9", sender=user(lang="uk"))
    (reply,) = h.sender.of(SendMessage)
    assert reply.message == translate("error.unknown_reading", "uk")


async def test_messages_of_one_chat_are_handled_in_order_and_a_busy_chats_callback_is_answered_at_once() -> (
    None
):
    release = asyncio.Event()
    seen: list[str] = []

    async def slow(event: Incoming, out: Outbox) -> None:
        seen.append(f"start {type(event).__name__}")
        if isinstance(event, IncomingMessage) and event.text == "/read":
            await release.wait()  # a reading being written
        if isinstance(event, IncomingCallback):
            await out.answer_callback(event.query_id, "too late: already answered")
        seen.append(f"end {type(event).__name__}")

    h = Harness(FakeDialog(slow))
    first = asyncio.create_task(h.message("/read"))
    await asyncio.sleep(0.01)
    second = asyncio.create_task(h.callback(b"b", query_id=5))
    await asyncio.sleep(0.01)
    assert seen == ["start IncomingMessage"]  # the callback waits its turn...
    (early,) = h.sender.of(CallbackAnswer)  # ...but its spinner stopped already
    assert (early.query_id, early.message) == (5, None)
    release.set()
    await asyncio.gather(first, second)
    assert seen == [
        "start IncomingMessage",
        "end IncomingMessage",
        "start IncomingCallback",
        "end IncomingCallback",
    ]
    assert len(h.sender.of(CallbackAnswer)) == 1


async def test_pre_checkout_and_successful_payment_arrive_as_raw_updates() -> None:
    dialog = FakeDialog()
    h = Harness(dialog)
    await h.pre_checkout(payload=b"ord_abc", amount=250, query_id=77)
    await h.payment(payload=b"ord_abc", amount=250, charge="stxCHARGE")
    sender = Sender(user_id=USER_ID, language_code="en", display_name="Ada")
    pre, paid = dialog.events
    assert pre == PreCheckoutQuery(
        update_id=77, sender=sender, query_id=77, payload="ord_abc", currency="XTR", total_amount=250
    )
    assert isinstance(paid, SuccessfulPayment)
    assert (paid.chat_id, paid.sender, paid.payload, paid.currency, paid.total_amount) == (
        USER_ID,
        sender,
        "ord_abc",
        "XTR",
        250,
    )
    assert paid.telegram_payment_charge_id == "stxCHARGE"


@pytest.mark.parametrize("out", [True, False])
async def test_a_stars_refund_arrives_as_a_raw_update_about_the_buyer(out: bool) -> None:
    dialog = FakeDialog()
    h = Harness(dialog)
    await h.refund(payload=b"ord_abc", amount=250, charge="stxCHARGE", out=out)
    (refunded,) = dialog.events
    assert refunded == RefundedPayment(
        update_id=refunded.update_id,
        chat_id=USER_ID,
        sender=Sender(user_id=USER_ID, language_code="en", display_name="Ada"),
        payload="ord_abc",
        currency="XTR",
        total_amount=250,
        telegram_payment_charge_id="stxCHARGE",
    )


async def test_service_messages_other_than_payments_and_our_own_messages_are_ignored() -> None:
    dialog = FakeDialog()
    h = Harness(dialog)
    pin = types.MessageService(
        id=9, peer_id=types.PeerUser(USER_ID), out=False, action=types.MessageActionPinMessage()
    )
    await h.deliver(types.UpdateNewMessage(message=pin, pts=1, pts_count=1))
    ours = types.Message(id=10, peer_id=types.PeerUser(USER_ID), message="echo", out=True)
    await h.deliver(types.UpdateNewMessage(message=ours, pts=2, pts_count=1))
    from_bot = types.User(id=99, access_hash=1, bot=True, first_name="OtherBot")
    await h.message("/start", sender=from_bot)
    assert dialog.events == []


def test_commands_for_another_bot_are_not_ours() -> None:
    assert strip_bot_mention("/read@TarotBot love", "tarotbot") == "/read love"
    assert strip_bot_mention("/read@OtherBot", "TarotBot") is None
    assert strip_bot_mention("/read", "TarotBot") == "/read"
    assert strip_bot_mention("hello@TarotBot", "TarotBot") == "hello@TarotBot"
    assert strip_bot_mention("/read@x", None) == "/read@x"


async def test_the_bots_own_identity_comes_from_get_me() -> None:
    h = Harness(FakeDialog())
    await h.message("/start")
    assert h.client._self_id == BOT_ID
