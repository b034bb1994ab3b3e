"""What can be bought: credit packs and monthly subscription tiers, with amounts and prices.

Prices are per payment provider in the currency's minor unit (US cents, kopiykas), whole Stars for
Telegram's `XTR`. A tier opens the spreads it lists (None: every spread) and adds a bonus to packs.
"""

from __future__ import annotations

from attrs import frozen

STRIPE = "stripe"
STARS = "stars"


@frozen
class Price:
    """`amount` in the currency's minor unit (cents, kopiykas); whole Stars for `XTR`."""

    provider: str
    currency: str
    amount: int


@frozen
class PackShape:
    id: str
    credits: int
    prices: tuple[Price, ...]


@frozen
class TierShape:
    id: str
    monthly_credits: int
    spreads: frozenset[str] | None
    pack_bonus_percent: int
    prices: tuple[Price, ...]


FREE_SPREADS: frozenset[str] = frozenset({"single", "yes-no", "three"})
"""What anyone may order without a subscription."""

PACKS: tuple[PackShape, ...] = (
    PackShape(
        "starter", 50, (Price(STRIPE, "USD", 299), Price(STRIPE, "UAH", 12000), Price(STARS, "XTR", 150))
    ),
    PackShape(
        "basic", 120, (Price(STRIPE, "USD", 599), Price(STRIPE, "UAH", 24000), Price(STARS, "XTR", 300))
    ),
    PackShape(
        "premium", 300, (Price(STRIPE, "USD", 1299), Price(STRIPE, "UAH", 52000), Price(STARS, "XTR", 650))
    ),
    PackShape(
        "professional",
        1000,
        (Price(STRIPE, "USD", 3499), Price(STRIPE, "UAH", 140000), Price(STARS, "XTR", 1750)),
    ),
    PackShape(
        "unlimited",
        5000,
        (Price(STRIPE, "USD", 14999), Price(STRIPE, "UAH", 600000), Price(STARS, "XTR", 7500)),
    ),
)

TIERS: tuple[TierShape, ...] = (
    # Basic opens the everyday topic spreads: a relationship, a career, the week ahead (12–20 credits,
    # so its 150 monthly credits buy about ten); Premium adds the deep and long-horizon ones.
    TierShape(
        "tier-basic",
        monthly_credits=150,
        spreads=frozenset({"single", "yes-no", "three", "relationship", "career", "week-ahead"}),
        pack_bonus_percent=10,
        prices=(Price(STRIPE, "USD", 499), Price(STRIPE, "UAH", 20000), Price(STARS, "XTR", 250)),
    ),
    TierShape(
        "tier-premium",
        monthly_credits=500,
        spreads=frozenset(
            {
                "single",
                "yes-no",
                "three",
                "celtic-cross",
                "relationship",
                "career",
                "week-ahead",
                "month-ahead",
                "year-ahead",
            }
        ),
        pack_bonus_percent=15,
        prices=(Price(STRIPE, "USD", 1499), Price(STRIPE, "UAH", 60000), Price(STARS, "XTR", 750)),
    ),
    TierShape(
        "tier-professional",
        monthly_credits=1000,
        spreads=None,
        pack_bonus_percent=20,
        prices=(Price(STRIPE, "USD", 2999), Price(STRIPE, "UAH", 120000), Price(STARS, "XTR", 1500)),
    ),
)
"""Tiers from the smallest; the first tier that opens a spread is the one a locked spread points to."""
