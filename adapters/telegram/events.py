"""What the dialog hears and says, with no telethon in sight.

The binding turns telethon updates into these events and renders the dialog's replies through an
`Outbox`; `tarot chat` implements the same `Outbox` on a terminal. Keeping this seam small is what lets
the whole conversation be tested as a pure state machine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from attrs import frozen

from tarot_ports.interpreter import OnDelta

CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit for inline button data
MESSAGE_LIMIT = 4096  # characters per message


def telegram_id(ref: str) -> int | None:
    """The Telegram user id in a `telegram:<id>` reference (a private chat has the same id)."""
    match = re.fullmatch(r"telegram:(\d{1,20})", ref)
    return int(match.group(1)) if match else None


# ------------------------------------------------------------------ incoming


@frozen
class Sender:
    user_id: int
    language_code: str | None = None
    display_name: str | None = None


@frozen
class IncomingMessage:
    update_id: int
    chat_id: int
    sender: Sender
    text: str
    message_id: int = 0


@frozen
class IncomingCallback:
    update_id: int
    chat_id: int
    sender: Sender
    message_id: int
    query_id: int
    data: bytes


@frozen
class PreCheckoutQuery:
    update_id: int
    sender: Sender
    query_id: int
    payload: str
    currency: str
    total_amount: int


@frozen
class SuccessfulPayment:
    """Telegram's successful-payment service message. For a Stars subscription, `recurring_init` marks
    its first payment and `recurring_used` every payment of it (a renewal has only the latter);
    `subscription_until` is when the period paid for ends."""

    update_id: int
    chat_id: int
    sender: Sender
    payload: str
    currency: str
    total_amount: int
    telegram_payment_charge_id: str
    provider_payment_charge_id: str = ""
    recurring_init: bool = False
    recurring_used: bool = False
    subscription_until: datetime | None = None

    @property
    def renewal(self) -> bool:
        return self.recurring_used and not self.recurring_init


@frozen
class RefundedPayment:
    """Telegram's service message that a Stars payment was refunded (by an operator's /refund, or by
    Telegram itself)."""

    update_id: int
    chat_id: int
    sender: Sender
    payload: str
    currency: str
    total_amount: int
    telegram_payment_charge_id: str


Incoming = IncomingMessage | IncomingCallback | PreCheckoutQuery | SuccessfulPayment | RefundedPayment
PAYMENT_UPDATES = (PreCheckoutQuery, SuccessfulPayment, RefundedPayment)
"""Updates about money: exactly-once comes from the database, so they never depend on Redis."""


# ------------------------------------------------------------------ outgoing


@frozen
class Button:
    """An inline button: `token` is the opaque callback data (≤ 64 bytes); `url` opens a link instead."""

    label: str
    token: str = ""
    url: str | None = None


@frozen
class Reply:
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    image: str | bytes | None = None  # a file path or URL, or the picture itself (PNG), shown with the text
    rich: bool = False
    """`text` is in the reading markup (tarot_domain/model/markup.py): Telegram shows its headings and
    bold spans in bold, and parts a long text between its sections; a terminal shows it plain."""


SUBSCRIPTION_PERIOD = 2592000  # seconds: the one period Telegram allows a Stars subscription (30 days)


@frozen
class Invoice:
    """A Telegram Stars invoice: currency XTR, amount in whole Stars, payload = our order id.
    `subscription_period` (exactly `SUBSCRIPTION_PERIOD`) makes it a subscription that charges the
    amount again every period until cancelled."""

    title: str
    description: str
    payload: str
    amount: int
    currency: str = "XTR"
    label: str = ""
    subscription_period: int | None = None


@frozen
class MenuCommand:
    """One line of Telegram's command menu: the command without its slash, and what it does."""

    name: str
    description: str


@frozen
class CommandMenus:
    """The command menus the bot registers at start. `everyone` and `admins` are keyed by Telegram's
    `lang_code` ('' is the default, for every language without its own menu); the admins' menus are
    set for each of `admin_ids` alone."""

    everyone: Mapping[str, tuple[MenuCommand, ...]]
    admins: Mapping[str, tuple[MenuCommand, ...]]
    admin_ids: frozenset[int] = frozenset()


class Outbox(Protocol):
    """How the dialog speaks. The binding enforces Telegram's limits (splitting, flood waits, pacing)."""

    async def send(self, chat_id: int, reply: Reply) -> int:
        """Send a new message; returns its message id."""
        ...

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        """Replace a message's text and buttons (used for menus and for a reading being streamed)."""
        ...

    async def delete(self, chat_id: int, message_id: int) -> None:
        """Take back a message of ours (and any it continues in); cosmetic, so a failure is only logged."""
        ...

    async def answer_callback(self, query_id: int, text: str | None = None, alert: bool = False) -> None: ...

    async def answer_pre_checkout(self, query_id: int, ok: bool, error: str | None = None) -> None: ...

    async def send_invoice(self, chat_id: int, invoice: Invoice) -> int: ...

    async def invoice_link(self, invoice: Invoice) -> str:
        """A link that opens `invoice` (`payments.exportInvoice`): how a Stars subscription is sold."""
        ...

    async def notify(self, chat_id: int, reply: Reply) -> bool:
        """Send a message nobody asked for just now (the jobs' news): False when the person cannot be
        reached (they blocked the bot, or never started it)."""
        ...

    async def typing(self, chat_id: int) -> None:
        """Show "typing…" (the binding keeps it alive while a reading is written)."""
        ...

    def streamer(self, chat_id: int, message_id: int) -> OnDelta:
        """A callback that appends text to a message by edits, at most one edit per second per chat."""
        ...

    async def refund_stars(self, user_id: int, telegram_payment_charge_id: str) -> None:
        """Refund a Stars payment through Telegram (raises TarotError(PAYMENT) on failure)."""
        ...

    async def cancel_stars_subscription(self, user_id: int, telegram_payment_charge_id: str) -> bool:
        """Stop the Stars subscription whose first payment was this charge from renewing
        (`payments.botCancelStarsSubscription`). False when Telegram knows no subscription by that
        charge (a one-off payment); raises TarotError(PAYMENT) when Telegram cannot be asked."""
        ...
