"""Command menus and the Stars subscription call through the real Telethon client and TL types, and the
dialog's buttons rendered as inline keyboards."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from binding_harness import USER_HASH, USER_ID, FakeDialog, Harness, rpc_error, user
from dialog_support import ADMIN, Bot
from telethon.tl import functions, types

from adapters.telegram.binding import TelegramBot
from adapters.telegram.events import Incoming, IncomingMessage, Outbox
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.products import STARS
from tarot_ports.payments import PaymentSucceeded, ProviderPayment

SetCommands = functions.bots.SetBotCommandsRequest
CancelStars = functions.payments.BotCancelStarsSubscriptionRequest
SendMessage = functions.messages.SendMessageRequest


def with_menus(bot: Bot) -> tuple[Harness, TelegramBot]:
    h = Harness(FakeDialog())
    telegram_bot = TelegramBot(h.client, bot.dialog, outbox=h.outbox, menus=bot.dialog.command_menus())
    return h, telegram_bot


def commands_of(request: Any) -> list[tuple[str, str]]:
    assert all(isinstance(c, types.BotCommand) for c in request.commands)
    return [(c.command, c.description) for c in request.commands]


async def test_menus_are_set_per_language_and_per_admin_with_telegrams_own_types() -> None:
    bot = Bot()
    h, telegram_bot = with_menus(bot)
    await telegram_bot.install_menus()
    requests = h.sender.of(SetCommands)
    for request in requests:
        assert bytes(request)  # serialises as MTProto would send it: the TL objects are well-formed
    default = [r for r in requests if isinstance(r.scope, types.BotCommandScopeDefault)]
    assert [r.lang_code for r in default] == ["", "uk"]
    menus = bot.dialog.command_menus()
    for request in default:
        expected = [(c.name, c.description) for c in menus.everyone[request.lang_code]]
        assert commands_of(request) == expected
    english = dict(commands_of(default[0]))
    assert english["read"] == "Choose a spread and ask your question" and "grant" not in english
    assert dict(commands_of(default[1]))["buy"] == "Поповнити кредити або оформити підписку"
    admin = [r for r in requests if isinstance(r.scope, types.BotCommandScopePeer)]
    assert [r.lang_code for r in admin] == ["", "uk"]
    assert all(r.scope.peer == types.InputPeerUser(ADMIN, USER_HASH) for r in admin)
    assert {"grant", "stats", "refund", "read", "help"} <= {name for name, _ in commands_of(admin[0])}
    (lookup,) = h.sender.of(functions.users.GetUsersRequest)  # a bot may look a user up with hash 0
    assert lookup.id == [types.InputUser(ADMIN, 0)]


async def test_an_unknown_admin_is_skipped_and_a_refused_menu_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    h, telegram_bot = with_menus(Bot())
    h.sender.unknown_users.add(ADMIN)
    h.sender.fail(SetCommands, rpc_error("BOT_COMMAND_DESCRIPTION_INVALID"))
    with caplog.at_level(logging.WARNING, logger="adapters.telegram"):
        await telegram_bot.install_menus()  # never raises: a menu is cosmetic
    requests = h.sender.of(SetCommands)
    assert [(type(r.scope).__name__, r.lang_code) for r in requests] == [
        ("BotCommandScopeDefault", ""),
        ("BotCommandScopeDefault", "uk"),
    ]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert f"no command menu for admin {ADMIN}" in logged and "refused a command menu" in logged


async def test_a_bot_without_menus_sets_none() -> None:
    h = Harness(FakeDialog())
    await h.bot.install_menus()
    assert h.sender.of(SetCommands) == []


async def test_cancelling_a_stars_subscription_names_the_payer_and_the_first_charge() -> None:
    outcomes: list[object] = []

    async def cancel(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        try:
            outcomes.append(await out.cancel_stars_subscription(event.sender.user_id, event.text))
        except TarotError as error:
            outcomes.append(error.kind)

    h = Harness(FakeDialog(cancel))
    h.sender.fail(CancelStars, rpc_error("CHARGE_ID_INVALID"), rpc_error("USER_ID_INVALID"))
    await h.message("stxONEOFF")  # Telegram: no subscription by that charge
    await h.message("stxBROKEN")
    await h.message("stxSUB")
    assert outcomes == [False, ErrorKind.PAYMENT, True]
    requests = h.sender.of(CancelStars)
    assert [r.charge_id for r in requests] == ["stxONEOFF", "stxBROKEN", "stxSUB"]
    assert all(r.user_id == types.InputUser(USER_ID, USER_HASH) and not r.restore for r in requests)
    assert all(bytes(r) for r in requests)


def keyboard(request: Any) -> list[list[str]]:
    return [[b.text for b in row.buttons] for row in request.reply_markup.rows]


def data_of(request: Any, label: str) -> bytes:
    (data,) = [b.type.data for row in request.reply_markup.rows for b in row.buttons if b.text == label]
    return bytes(data)


async def test_forget_through_the_binding_cancels_the_stars_subscription_first() -> None:
    bot = Bot()  # the real dialog over memory adapters, behind the real client
    h = Harness(FakeDialog())
    h.client.remove_event_handler(h.bot._on_message)
    h.client.remove_event_handler(h.bot._on_callback)
    h.client.remove_event_handler(h.bot._on_raw)
    TelegramBot(h.client, bot.dialog, outbox=h.outbox).install()
    await h.message("/start", sender=user())
    buyer = await bot.users.find(f"telegram:{USER_ID}")
    order = await bot.payments.create_order(buyer.id, "tier-premium", STARS)
    paid = ProviderPayment(STARS, order.id, "stxSUB1", order.amount, "XTR")
    await bot.payments.apply(PaymentSucceeded(STARS, "tg:stxSUB1", paid))
    await h.message("/forget")
    (asked,) = [r for r in h.sender.of(SendMessage) if "Delete everything?" in r.message]
    assert "Premium subscription, with 31 days left, ends now and will not renew" in asked.message
    assert keyboard(asked) == [["Yes, delete my data"], ["No, keep it"]]
    await h.callback(data_of(asked, "Yes, delete my data"), query_id=41)
    (cancel,) = h.sender.of(CancelStars)
    assert cancel.user_id == types.InputUser(USER_ID, USER_HASH) and cancel.charge_id == "stxSUB1"
    done = h.sender.of(functions.messages.EditMessageRequest)[-1]
    assert done.message.startswith("Done: your data is erased")
    assert "Your subscription was cancelled and will not be charged again." in done.message
    gone = await bot.users.get(buyer.id)
    assert not gone.active and gone.tier_id is None
