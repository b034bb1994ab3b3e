"""Telegram Stars as MTProto requests: the invoice (or, for a subscription, the invoice link), refunds,
ending a subscription's renewals, and the bot's transaction history (`TelegramStarsAccount`, the
`StarsAccount` port the reconciliation job reads).

Facts from Telegram's API that this relies on:
- a Stars invoice is in `XTR` with one price; `Invoice.subscription_period` makes it a subscription, and
  2592000 seconds (30 days) is the only period allowed; a subscription is sold through the link
  `payments.exportInvoice` returns;
- `payments.getStarsTransactions` lists the bot's transactions (`peer` = the bot itself) newest first,
  `next_offset` paging on; a `starsTransaction` of an incoming payment has the charge id as its `id`,
  the buyer as `peer.peer`, our order id as `bot_payload`, the period as `subscription_period` for a
  subscription, and `refund` set when it is the charge given back; `pending`/`failed` ones moved
  nothing yet;
- `payments.refundStarsCharge(user_id, charge_id)` returns a charge; CHARGE_ALREADY_REFUNDED means it
  was; Telegram allows it only for a limited time and then refuses;
- `payments.botCancelStarsSubscription(user_id, charge_id)` without `restore` stops renewals for good;
  the charge is that of the first payment, and CHARGE_ID_INVALID answers a charge that started none.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from telethon import errors, utils  # type: ignore[import-untyped]
from telethon.tl import functions, types  # type: ignore[import-untyped]

from adapters.telegram.events import SUBSCRIPTION_PERIOD, Invoice, telegram_id
from adapters.telegram.split import truncate
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.users import User
from tarot_ports.stars import StarsCharge

log = logging.getLogger("adapters.telegram")

STARS = "XTR"
INVOICE_TITLE_LIMIT = 32
INVOICE_DESCRIPTION_LIMIT = 255
INVOICE_PAYLOAD_LIMIT = 128  # bytes
PAGE = 100  # transactions per request
MAX_PAGES = 50  # a run reads at most this many pages (5,000 transactions)
_TRANSIENT = (ConnectionError, OSError, asyncio.TimeoutError, errors.FloodWaitError, errors.ServerError)


def invoice_media(invoice: Invoice) -> Any:
    """The `InputMediaInvoice` for a Stars invoice, refused (ValueError) where Telegram would refuse it:
    another currency, less than 1 Star, a payload outside 1..128 bytes, a subscription period other
    than the one Telegram allows."""
    if invoice.currency != STARS:
        raise ValueError(f"only Telegram Stars ({STARS}) invoices are supported, got {invoice.currency!r}")
    if invoice.amount < 1:
        raise ValueError(f"an invoice must ask for at least 1 Star, got {invoice.amount}")
    payload = invoice.payload.encode("utf-8")
    if not 1 <= len(payload) <= INVOICE_PAYLOAD_LIMIT:
        raise ValueError(f"invoice payload must be 1..{INVOICE_PAYLOAD_LIMIT} bytes, got {len(payload)}")
    period = invoice.subscription_period
    if period is not None and period != SUBSCRIPTION_PERIOD:
        raise ValueError(f"a Stars subscription renews every {SUBSCRIPTION_PERIOD} seconds, not {period}")
    title = truncate(invoice.title.strip() or invoice.label or "Order", INVOICE_TITLE_LIMIT)
    return types.InputMediaInvoice(
        title=title,
        description=truncate(invoice.description.strip() or title, INVOICE_DESCRIPTION_LIMIT),
        invoice=types.Invoice(
            currency=STARS,
            prices=[types.LabeledPrice(label=invoice.label or title, amount=invoice.amount)],
            subscription_period=period,
        ),
        payload=payload,
        provider_data=types.DataJSON(data="{}"),
        provider=None,  # Stars need no payment provider: the token is left out
    )


async def _input_user(client: Any, user_id: int) -> Any:
    return utils.get_input_user(await client.get_input_entity(user_id))


async def refund_stars_charge(outbox: Any, client: Any, user_id: int, charge_id: str) -> None:
    """`payments.refundStarsCharge`. Raises TarotError(PAYMENT): retryable when Telegram could not be
    asked, not retryable when it refused (a charge refunded already is no failure)."""
    try:
        user = await _input_user(client, user_id)
        await outbox.invoke(functions.payments.RefundStarsChargeRequest(user_id=user, charge_id=charge_id))
    except _TRANSIENT as error:
        raise TarotError(
            ErrorKind.PAYMENT, f"Telegram could not be asked to refund charge {charge_id}: {error!r}",
            retryable=True,
        ) from error  # fmt: skip
    except errors.RPCError as error:
        if error.message == "CHARGE_ALREADY_REFUNDED":
            log.info("Stars charge %s was already refunded", charge_id)
            return  # refunding is idempotent for us: the money is back either way
        raise TarotError(
            ErrorKind.PAYMENT, f"Telegram refused to refund charge {charge_id}: {error}", retryable=False
        ) from error
    except (ValueError, TypeError) as error:  # the user cannot be addressed
        raise TarotError(
            ErrorKind.PAYMENT, f"cannot refund user {user_id}: {error}", retryable=False
        ) from error


async def cancel_stars_subscription(outbox: Any, client: Any, user_id: int, charge_id: str) -> bool:
    """`payments.botCancelStarsSubscription` (without `restore`: no renewal, and the person cannot turn it
    back on). CHARGE_ID_INVALID means no subscription by that charge (a one-off payment): False."""
    try:
        user = await _input_user(client, user_id)
        await outbox.invoke(
            functions.payments.BotCancelStarsSubscriptionRequest(user_id=user, charge_id=charge_id)
        )
    except errors.RPCError as error:
        if error.message == "CHARGE_ID_INVALID":
            log.info("Stars charge %s started no subscription; nothing to cancel", charge_id)
            return False
        raise TarotError(
            ErrorKind.PAYMENT, f"Telegram refused to cancel the subscription of charge {charge_id}: {error}"
        ) from error
    except (ValueError, TypeError) as error:  # the user cannot be addressed
        raise TarotError(
            ErrorKind.PAYMENT, f"cannot cancel a subscription of user {user_id}: {error}"
        ) from error
    return True


def stars_charge(transaction: Any) -> StarsCharge | None:
    """One `starsTransaction` as the port's `StarsCharge`; None for what is no user's payment to us (a
    withdrawal, an ad, a gift, one still pending or failed, one without our payload)."""
    if transaction.pending or transaction.failed or transaction.bot_payload is None:
        return None
    peer = getattr(transaction.peer, "peer", None)
    if not isinstance(transaction.peer, types.StarsTransactionPeer) or not isinstance(peer, types.PeerUser):
        return None
    amount = abs(int(transaction.amount.amount))
    if amount == 0:
        return None
    return StarsCharge(
        charge_id=transaction.id,
        order_id=bytes(transaction.bot_payload).decode("utf-8", errors="replace"),
        buyer=f"telegram:{peer.user_id}",
        amount=amount,
        at=transaction.date,
        refunded=bool(transaction.refund),
        subscription_period=transaction.subscription_period or None,
    )


class TelegramStarsAccount:
    """The `StarsAccount` port over the bot's Telethon client and its outbox (which honours flood
    waits)."""

    def __init__(self, outbox: Any, client: Any, *, max_pages: int = MAX_PAGES) -> None:
        self._outbox = outbox
        self._client = client
        self._max_pages = max_pages

    async def charges(self, since: datetime) -> list[StarsCharge]:
        found: list[StarsCharge] = []
        offset = ""
        for _ in range(self._max_pages):
            request = functions.payments.GetStarsTransactionsRequest(
                peer=types.InputPeerSelf(), offset=offset, limit=PAGE
            )
            try:
                status = await self._outbox.invoke(request)
            except (*_TRANSIENT, errors.RPCError) as error:
                raise TarotError(
                    ErrorKind.PAYMENT, f"Telegram listed no Stars transactions: {error!r}", retryable=True
                ) from error
            history = list(status.history or [])
            older = False
            for transaction in history:  # newest first
                if transaction.date is not None and transaction.date < since:
                    older = True
                    continue
                charge = stars_charge(transaction)
                if charge is not None:
                    found.append(charge)
            offset = status.next_offset or ""
            if older or not offset or not history:
                break
        else:
            log.warning("Stars transactions: stopped after %d pages; older ones wait", self._max_pages)
        return found[::-1]

    async def refund(self, buyer: User, charge_id: str) -> bool:
        chat = telegram_chat(buyer)
        if chat is None:
            return False
        await refund_stars_charge(self._outbox, self._client, chat, charge_id)
        return True

    async def cancel_subscription(self, buyer: User, charge_id: str) -> bool:
        chat = telegram_chat(buyer)
        return chat is not None and await cancel_stars_subscription(
            self._outbox, self._client, chat, charge_id
        )


def telegram_chat(user: User) -> int | None:
    """The Telegram user id of a `telegram:<id>` user (their private chat has the same id)."""
    return telegram_id(user.external_ref or "")
