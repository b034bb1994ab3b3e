"""Telling a person what happened to their money or their tier while they were not talking to us (the
background jobs' news). The frontend decides the words, in the person's language."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Protocol

from attrs import frozen

from tarot_domain.model.users import User

ReturnReason = Literal["already_paid", "wrong_amount", "requested"]


@frozen
class ChargeBooked:
    """A payment whose news we missed was booked late: `credits` granted for order `order_id` (a tier's
    runs until `tier_until`)."""

    order_id: str
    credits: int
    tier_id: str | None = None
    tier_until: datetime | None = None


@frozen
class ChargeReturned:
    """`amount` Stars of order `order_id` went back to the buyer, for `reason`; `credits_taken` were
    taken back with them."""

    order_id: str
    amount: int
    reason: ReturnReason
    credits_taken: int = 0


@frozen
class PassEnding:
    """A one-off tier pass (bought before tiers renewed) ends at `until`; nothing will renew it."""

    order_id: str
    tier_id: str
    until: datetime


Notice = ChargeBooked | ChargeReturned | PassEnding


class Notifier(Protocol):
    async def notify(self, user: User, notice: Notice) -> bool:
        """Tell `user`; False when they cannot be reached (no account with us, the bot blocked).
        Raises only for a failure worth trying again later."""
        ...
