"""Forgetting a person, the one way every frontend does it (the bot's /forget, the API's DELETE, an
embedder): stop every subscription from renewing at its provider, then erase (README, Forgetting a
person). If a provider cannot be asked, nothing is erased: a forgotten person could no longer stop a
charge, so the caller says "try again later" instead.
"""

from __future__ import annotations

from attrs import frozen

from tarot_domain.model.payments import Payment
from tarot_domain.model.users import User
from tarot_domain.use_cases.payments import PaymentService, StarsSubscriptionCanceller
from tarot_domain.use_cases.users import UserService


@frozen
class Erasure:
    """`readings`: how many readings were blanked; `stopped`: the subscriptions that were renewing."""

    readings: int
    stopped: tuple[Payment, ...]


async def no_stars(buyer: User, charge_id: str) -> bool:
    """The Stars canceller of a frontend that is not the Telegram bot: it cannot reach Telegram, and its
    people (`api:…`, `cli:…`) never bought with Stars, so there is never a Stars subscription to stop."""
    return False


async def erase_person(
    users: UserService, payments: PaymentService, user_id: str, stars: StarsSubscriptionCanceller = no_stars
) -> Erasure:
    """Raises PAYMENT (nothing erased) when a provider cannot be asked; NOT_FOUND for an unknown user;
    FORBIDDEN for one forgotten already."""
    stopped = await payments.end_subscriptions(user_id, stars)
    erased = await users.forget(user_id)
    return Erasure(erased, tuple(stopped))
