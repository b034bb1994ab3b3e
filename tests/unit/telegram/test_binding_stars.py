"""Telegram Stars subscriptions, transactions, refunds and cancellations through the real Telethon client
and its TL types (`binding_harness`): what goes out on the wire and what comes back in."""

from __future__ import annotations

import datetime as dt

import pytest
from binding_harness import NOW, USER_HASH, USER_ID, FakeDialog, Harness, rpc_error, stars_transaction
from telethon.tl import functions, types

from adapters.telegram.events import SUBSCRIPTION_PERIOD, Incoming, Invoice, Outbox, Reply, SuccessfulPayment
from adapters.telegram.stars import TelegramStarsAccount
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.users import Preferences, User
from tarot_ports.stars import StarsAccount, StarsCharge

Export = functions.payments.ExportInvoiceRequest
History = functions.payments.GetStarsTransactionsRequest
Refund = functions.payments.RefundStarsChargeRequest
Cancel = functions.payments.BotCancelStarsSubscriptionRequest


def buyer(ref: str | None = f"telegram:{USER_ID}") -> User:
    return User("u1", ref, Preferences(), NOW, NOW)


def account(h: Harness) -> StarsAccount:
    return TelegramStarsAccount(h.outbox, h.client)


SUBSCRIPTION = Invoice(
    title="Premium subscription", description="500 credits a month", payload="ord_sub", amount=750,
    subscription_period=SUBSCRIPTION_PERIOD,
)  # fmt: skip


async def test_a_subscription_is_exported_as_an_invoice_link_with_the_one_period_telegram_allows() -> None:
    h = Harness(FakeDialog())
    url = await h.outbox.invoice_link(SUBSCRIPTION)
    (request,) = h.sender.of(Export)
    media = request.invoice_media
    assert isinstance(media, types.InputMediaInvoice) and isinstance(media.invoice, types.Invoice)
    assert media.invoice.subscription_period == 2592000 == SUBSCRIPTION_PERIOD
    assert media.invoice.currency == "XTR"
    assert media.invoice.prices == [types.LabeledPrice(label="Premium subscription", amount=750)]
    assert media.payload == b"ord_sub" and media.provider in (None, "")
    assert url.startswith("https://t.me/$invoice")
    # the TL object serialises as Telegram will read it: the period travels in the request's bytes
    assert (2592000).to_bytes(4, "little") in bytes(request)


@pytest.mark.parametrize(
    ("invoice", "problem"),
    [
        (Invoice("t", "d", "ord_1", 5, subscription_period=86400), "2592000"),
        (Invoice("t", "d", "ord_1", 5, currency="USD", subscription_period=SUBSCRIPTION_PERIOD), "Stars"),
    ],
)
async def test_subscription_links_telegram_would_refuse_are_refused_before_asking(
    invoice: Invoice, problem: str
) -> None:
    h = Harness(FakeDialog())
    with pytest.raises(ValueError, match=problem):
        await h.outbox.invoice_link(invoice)
    assert h.sender.of(Export) == []


async def test_a_subscription_is_never_sent_as_an_invoice_message() -> None:
    h = Harness(FakeDialog())
    with pytest.raises(ValueError, match="link"):
        await h.outbox.send_invoice(USER_ID, SUBSCRIPTION)
    assert h.sender.of(functions.messages.SendMediaRequest) == []


async def test_the_first_payment_and_a_renewal_carry_telegrams_recurring_flags_and_period_end() -> None:
    heard: list[Incoming] = []

    async def listen(event: Incoming, out: Outbox) -> None:
        heard.append(event)

    h = Harness(FakeDialog(listen))
    first_until = NOW + dt.timedelta(seconds=SUBSCRIPTION_PERIOD)
    await h.payment(b"ord_sub", 750, "stxFIRST", recurring_init=True, recurring_used=True, until=first_until)
    renewal_until = first_until + dt.timedelta(seconds=SUBSCRIPTION_PERIOD)
    await h.payment(b"ord_sub", 750, "stxSECOND", recurring_used=True, until=renewal_until)
    await h.payment(b"ord_pack", 150, "stxPACK")
    first, renewal, pack = heard
    assert isinstance(first, SuccessfulPayment) and isinstance(renewal, SuccessfulPayment)
    assert isinstance(pack, SuccessfulPayment)
    assert (first.recurring_init, first.recurring_used, first.renewal) == (True, True, False)
    assert first.subscription_until == first_until and first.telegram_payment_charge_id == "stxFIRST"
    assert (renewal.recurring_init, renewal.recurring_used, renewal.renewal) == (False, True, True)
    assert renewal.subscription_until == renewal_until and renewal.payload == "ord_sub"
    assert (pack.recurring_used, pack.subscription_until) == (False, None)


async def test_the_bots_stars_transactions_are_read_page_by_page_back_to_since() -> None:
    h = Harness(FakeDialog())
    day = dt.timedelta(days=1)
    h.sender.stars_page = 2
    h.sender.stars_history = [  # newest first, as Telegram lists them
        stars_transaction("stxREF", 150, payload=b"ord_a", date=NOW, refund=True),
        stars_transaction("stxPEND", 150, payload=b"ord_c", date=NOW - day, pending=True),
        stars_transaction("stxSUB", 750, payload=b"ord_s", date=NOW - 2 * day, period=SUBSCRIPTION_PERIOD),
        types.StarsTransaction(  # a withdrawal to Fragment: nobody's payment to us
            id="wd1", amount=types.StarsAmount(amount=-500, nanos=0), date=NOW - 3 * day,
            peer=types.StarsTransactionPeerFragment(),
        ),
        stars_transaction("stxA", 150, payload=b"ord_a", date=NOW - 4 * day),
        stars_transaction("stxOLD", 150, payload=b"ord_o", date=NOW - 9 * day),
        stars_transaction("stxOLDER", 150, payload=b"ord_o", date=NOW - 10 * day),
    ]
    charges = await account(h).charges(NOW - 7 * day)
    assert charges == [
        StarsCharge("stxA", "ord_a", f"telegram:{USER_ID}", 150, NOW - 4 * day),
        StarsCharge("stxSUB", "ord_s", f"telegram:{USER_ID}", 750, NOW - 2 * day,
                    subscription_period=SUBSCRIPTION_PERIOD),
        StarsCharge("stxREF", "ord_a", f"telegram:{USER_ID}", 150, NOW, refunded=True),
    ]  # fmt: skip
    requests = h.sender.of(History)
    assert [r.offset for r in requests] == ["", "2", "4"]  # stopped once a page reached past `since`
    assert all(isinstance(r.peer, types.InputPeerSelf) and r.limit == 100 for r in requests)
    assert all(not r.inbound and not r.outbound for r in requests)  # refunds go out: both directions


async def test_telegram_not_answering_the_history_is_a_retryable_payment_error() -> None:
    h = Harness(FakeDialog())
    h.sender.fail(History, rpc_error("BOT_RESPONSE_TIMEOUT"))
    with pytest.raises(TarotError) as caught:
        await account(h).charges(NOW)
    assert caught.value.kind is ErrorKind.PAYMENT and caught.value.retryable


async def test_a_refund_names_the_buyer_and_the_charge_and_tells_refusal_from_a_passing_failure() -> None:
    h = Harness(FakeDialog())
    stars = account(h)
    assert await stars.refund(buyer(), "stxONE") is True
    (request,) = h.sender.of(Refund)
    assert request.user_id == types.InputUser(USER_ID, USER_HASH) and request.charge_id == "stxONE"

    h.sender.fail(Refund, rpc_error("CHARGE_ALREADY_REFUNDED"))
    assert await stars.refund(buyer(), "stxONE") is True  # the money is back either way

    h.sender.fail(Refund, rpc_error("CHARGE_NOT_FOUND"))
    with pytest.raises(TarotError) as refused:
        await stars.refund(buyer(), "stxTOO_OLD")
    assert refused.value.kind is ErrorKind.PAYMENT and not refused.value.retryable

    h.sender.fail(Refund, lambda request: ConnectionError("reset by peer"))
    with pytest.raises(TarotError) as passing:
        await stars.refund(buyer(), "stxLATER")
    assert passing.value.retryable

    assert await stars.refund(buyer(None), "stxGONE") is False  # forgotten: no account to return to
    assert [r.charge_id for r in h.sender.of(Refund)] == ["stxONE", "stxONE", "stxTOO_OLD", "stxLATER"]


async def test_stopping_a_subscription_asks_telegram_without_restore() -> None:
    h = Harness(FakeDialog())
    stars = TelegramStarsAccount(h.outbox, h.client)
    assert await stars.cancel_subscription(buyer(), "stxFIRST") is True
    (request,) = h.sender.of(Cancel)
    assert request.user_id == types.InputUser(USER_ID, USER_HASH) and request.charge_id == "stxFIRST"
    assert not request.restore
    h.sender.fail(Cancel, rpc_error("CHARGE_ID_INVALID"))
    assert await stars.cancel_subscription(buyer(), "stxPACK") is False


async def test_news_for_someone_who_blocked_the_bot_is_not_an_error() -> None:
    h = Harness(FakeDialog())
    assert await h.outbox.notify(USER_ID, Reply("Your pass ends soon")) is True
    h.sender.fail(functions.messages.SendMessageRequest, rpc_error("USER_IS_BLOCKED", 403))
    assert await h.outbox.notify(USER_ID, Reply("Your pass ends soon")) is False
    sent = h.sender.of(functions.messages.SendMessageRequest)
    assert len(sent) == 2 and sent[0].message == "Your pass ends soon"
