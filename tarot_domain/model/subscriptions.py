"""Where a person's tier stands: which order keeps it, until when, and whether anything renews it.

A tier in force is kept by the newest tier order that brought money (its own payment or a renewal
recorded against it, `<order>/<…>`). What that order is decides how the tier goes on:
- a Stripe subscription renews until it ends;
- a Telegram Stars subscription (its payments dated by Telegram: `period_end`) renews until it is
  stopped (through us) and, since Telegram tells nobody when a buyer cancels in their own app, simply
  ends at `until` when no renewal comes;
- a Stars tier order without a dated period is a one-off pass (sold before tiers renewed): it ends at
  `until`, and is the one that gets a reminder before it does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from attrs import frozen

from tarot_domain.model.payments import ORDER_SEPARATOR, Payment, order_id_of
from tarot_domain.model.products import STARS
from tarot_domain.model.users import User


@frozen
class Standing:
    """`order` is the tier order behind the tier (None when it came from elsewhere, an operator say);
    `renews`: a subscription that will charge again at `until`; `one_off`: a pass nothing renews."""

    tier_id: str
    until: datetime | None
    order: Payment | None = None
    renews: bool = False
    one_off: bool = False

    @property
    def stars_subscription(self) -> bool:
        return self.order is not None and self.order.provider == STARS and not self.one_off


def standing(user: User, payments: Iterable[Payment], now: datetime) -> Standing | None:
    """The tier in force at `now` and how it goes on (None without a tier); `payments` are the user's."""
    tier = user.tier_at(now)
    if tier is None:
        return None
    listed = [p for p in payments if p.product_id == tier]
    orders = {p.id: p for p in listed if ORDER_SEPARATOR not in p.id}
    paid = sorted(
        (p for p in listed if p.granted > 0 and order_id_of(p.id) in orders),
        key=lambda p: (p.created_at, p.id),
    )
    if not paid:
        return Standing(tier, user.tier_until)
    order = orders[order_id_of(paid[-1].id)]
    if order.provider != STARS:
        return Standing(tier, user.tier_until, order, renews=not order.renewal_stopped)
    if order.period_end is None:
        return Standing(tier, user.tier_until, order, one_off=True)
    return Standing(tier, user.tier_until, order, renews=not order.renewal_stopped)
