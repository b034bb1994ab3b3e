"""Telegram Stars through the real Telethon client: invoices, pre-checkout answers, refunds."""

from __future__ import annotations

import pytest
from binding_harness import USER_HASH, USER_ID, FakeDialog, Harness, rpc_error
from telethon.tl import functions, types

from adapters.telegram.events import (
    Incoming,
    IncomingMessage,
    Invoice,
    Outbox,
    PreCheckoutQuery,
    SuccessfulPayment,
)
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import ErrorKind, TarotError

Precheckout = functions.messages.SetBotPrecheckoutResultsRequest
Refund = functions.payments.RefundStarsChargeRequest


async def test_an_invoice_is_sent_as_input_media_invoice_in_stars_with_our_order_id() -> None:
    sent: list[int] = []

    async def buy(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        invoice = Invoice(
            title="100 credits", description="Credits for readings", payload="ord_7f3a", amount=250
        )
        sent.append(await out.send_invoice(event.chat_id, invoice))

    h = Harness(FakeDialog(buy))
    await h.message("/buy")
    (request,) = h.sender.of(functions.messages.SendMediaRequest)
    assert request.peer == types.InputPeerUser(USER_ID, USER_HASH)
    media = request.media
    assert isinstance(media, types.InputMediaInvoice)
    assert (media.title, media.description, media.payload) == (
        "100 credits",
        "Credits for readings",
        b"ord_7f3a",
    )
    assert media.provider in (None, "")  # Stars need no provider token
    assert media.invoice.currency == "XTR"
    assert media.invoice.prices == [types.LabeledPrice(label="100 credits", amount=250)]
    assert sent == [500]  # the id from UpdateMessageID, matched by random_id


@pytest.mark.parametrize(
    ("invoice", "problem"),
    [
        (Invoice(title="t", description="d", payload="ord_1", amount=5, currency="USD"), "Stars"),
        (Invoice(title="t", description="d", payload="o" * 129, amount=5), "payload"),
        (Invoice(title="t", description="d", payload="ord_1", amount=0), "at least 1"),
    ],
)
async def test_invoices_telegram_would_reject_are_refused_before_sending(
    invoice: Invoice, problem: str
) -> None:
    failures: list[Exception] = []

    async def buy(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        try:
            await out.send_invoice(event.chat_id, invoice)
        except ValueError as error:
            failures.append(error)

    h = Harness(FakeDialog(buy))
    await h.message("/buy")
    assert len(failures) == 1 and problem in str(failures[0])
    assert h.sender.of(functions.messages.SendMediaRequest) == []


async def test_long_invoice_texts_are_cut_to_telegrams_limits() -> None:
    async def buy(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        await out.send_invoice(
            event.chat_id, Invoice(title="T" * 40, description="D" * 300, payload="o", amount=1)
        )

    h = Harness(FakeDialog(buy))
    await h.message("/buy")
    (request,) = h.sender.of(functions.messages.SendMediaRequest)
    assert len(request.media.title) <= 32 and len(request.media.description) <= 255


async def test_pre_checkout_is_answered_with_success() -> None:
    async def accept(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, PreCheckoutQuery)
        assert (event.payload, event.currency, event.total_amount) == ("ord_123", "XTR", 50)
        await out.answer_pre_checkout(event.query_id, True)

    h = Harness(FakeDialog(accept))
    await h.pre_checkout(query_id=77)
    (answer,) = h.sender.of(Precheckout)
    assert (answer.query_id, answer.success, answer.error) == (77, True, None)


async def test_pre_checkout_is_answered_with_the_dialogs_error() -> None:
    async def refuse(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, PreCheckoutQuery)
        await out.answer_pre_checkout(event.query_id, False, "This order has expired.")

    h = Harness(FakeDialog(refuse))
    await h.pre_checkout(query_id=78)
    (answer,) = h.sender.of(Precheckout)
    assert (answer.query_id, answer.success, answer.error) == (78, None, "This order has expired.")


@pytest.mark.parametrize("behaviour", ["silent", "raises"])
async def test_pre_checkout_is_refused_when_the_dialog_does_not_answer(behaviour: str) -> None:
    async def dialog(event: Incoming, out: Outbox) -> None:
        if behaviour == "raises":
            raise RuntimeError("store down")

    h = Harness(FakeDialog(dialog))
    await h.pre_checkout(query_id=79)
    (answer,) = h.sender.of(Precheckout)
    assert answer.query_id == 79 and not answer.success
    assert answer.error == translate("error.database", "en")
    assert h.sender.of(functions.messages.SendMessageRequest) == []  # no chat message for a pre-checkout


async def test_a_refund_goes_to_the_payer_with_the_charge_id() -> None:
    async def refund(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, SuccessfulPayment)
        await out.refund_stars(event.sender.user_id, event.telegram_payment_charge_id)

    h = Harness(FakeDialog(refund))
    await h.payment(charge="stxREFUNDME")
    (request,) = h.sender.of(Refund)
    assert request.user_id == types.InputUser(USER_ID, USER_HASH)
    assert request.charge_id == "stxREFUNDME"


async def test_a_refund_of_an_already_refunded_charge_is_done_and_other_failures_are_payment_errors() -> None:
    outcomes: list[object] = []

    async def refund(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, SuccessfulPayment)
        try:
            await out.refund_stars(event.sender.user_id, event.telegram_payment_charge_id)
            outcomes.append("ok")
        except TarotError as error:
            outcomes.append(error.kind)

    h = Harness(FakeDialog(refund))
    h.sender.fail(Refund, rpc_error("CHARGE_ALREADY_REFUNDED"), rpc_error("CHARGE_NOT_FOUND"))
    await h.payment(charge="a")
    await h.payment(charge="b")
    assert outcomes == ["ok", ErrorKind.PAYMENT]


async def test_a_payment_the_dialog_fails_on_is_logged_loudly(caplog: pytest.LogCaptureFixture) -> None:
    async def broken(event: Incoming, out: Outbox) -> None:
        raise RuntimeError("ledger down")

    h = Harness(FakeDialog(broken))
    await h.payment(payload=b"ord_lost", charge="stxLOST")
    assert any("NOT processed" in r.getMessage() and "stxLOST" in r.getMessage() for r in caplog.records)
    (apology,) = h.sender.of(functions.messages.SendMessageRequest)
    assert apology.message == translate("error.database", "en")
