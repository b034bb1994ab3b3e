"""The bot's Telegram Stars account, as the payment use cases need it: what Telegram lists, and money
returned to a buyer. The Telethon adapter (adapters/telegram/stars.py) implements it over MTProto."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from attrs import frozen

from tarot_domain.model.users import User


@frozen
class StarsCharge:
    """One incoming Stars transaction of the bot (`payments.getStarsTransactions`).

    `charge_id` is Telegram's transaction id, the same id the successful-payment message carries as its
    charge id (a refund transaction repeats the id of the charge it returned, with `refunded` set);
    `order_id` is the invoice's bot payload, our order id; `buyer` is the payer's external reference
    (`telegram:<id>`); `subscription_period` is set (in seconds) for a payment of a Stars subscription.
    """

    charge_id: str
    order_id: str
    buyer: str
    amount: int
    at: datetime
    refunded: bool = False
    subscription_period: int | None = None


class StarsAccount(Protocol):
    async def charges(self, since: datetime) -> list[StarsCharge]:
        """Incoming payments and refunds made at or after `since`, oldest first (at most the adapter's
        page limit). Raises PAYMENT (retryable) when Telegram cannot be asked."""
        ...

    async def refund(self, buyer: User, charge_id: str) -> bool:
        """Return one charge to its buyer (`payments.refundStarsCharge`); a charge refunded already
        counts as returned. False when the buyer has no Telegram account to return it to. Raises
        PAYMENT: retryable when Telegram could not be asked, not retryable when it refused (Telegram
        allows Stars refunds only for a limited time)."""
        ...
