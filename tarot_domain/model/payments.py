"""A record of every payment we take, with its status history."""

from __future__ import annotations

import enum
from datetime import datetime

from attrs import frozen


class PaymentStatus(enum.Enum):
    CREATED = "created"  # checkout/invoice issued, nothing paid yet
    PAID = "paid"  # money received, credits granted
    REFUNDED = "refunded"  # fully or partly refunded, credits clawed back
    DISPUTED = "disputed"  # chargeback opened, credits clawed back, purchases frozen
    DISPUTE_WON = "dispute_won"  # chargeback closed in our favour, credits restored
    DISPUTE_LOST = "dispute_lost"
    FAILED = "failed"
    CANCELLED = "cancelled"


@frozen
class StatusChange:
    status: PaymentStatus
    at: datetime
    note: str = ""


@frozen
class Payment:
    """`id` is our order id (the Stars invoice payload, Stripe's client_reference metadata);
    `provider_ref` the provider's id for the money (Stripe charge/session, Telegram charge id)."""

    id: str
    provider: str
    user_id: str
    product_id: str
    amount: int
    currency: str
    credits: int
    status: PaymentStatus
    created_at: datetime
    provider_ref: str | None = None
    refunded_amount: int = 0
    history: tuple[StatusChange, ...] = ()
