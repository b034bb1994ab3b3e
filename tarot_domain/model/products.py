"""What users can buy: credit packs and subscription tiers, and the promotions we give away.

All of it is configuration data: `default_catalog()` is the product plan (ids, amounts and prices in
`content.structure.products`, names in the packs); runners may build their own `Catalog` (other prices,
other promotions). Tier rules (spread access, pack bonus) live here so every
frontend enforces them the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from tarot_domain.content import keys
from tarot_domain.content.registry import PackText
from tarot_domain.content.structure import products as structure
from tarot_domain.content.structure.products import STARS, STRIPE, Price
from tarot_domain.model.errors import forbidden, validation
from tarot_domain.model.localized import Localized

__all__ = ["STARS", "STRIPE", "Catalog", "CreditPack", "Price", "Promotions", "Tier", "default_catalog"]


@frozen
class CreditPack:
    id: str
    credits: int
    name: Localized = field(eq=False)
    prices: tuple[Price, ...] = ()

    def price(self, provider: str, currency: str | None = None) -> Price:
        return _price(self.id, self.prices, provider, currency)


@frozen
class Tier:
    """A monthly subscription. `spreads` is None for every spread."""

    id: str
    name: Localized = field(eq=False)
    monthly_credits: int = 0
    spreads: frozenset[str] | None = None
    pack_bonus_percent: int = 0
    prices: tuple[Price, ...] = ()

    def price(self, provider: str, currency: str | None = None) -> Price:
        return _price(self.id, self.prices, provider, currency)

    def allows(self, spread_id: str) -> bool:
        return self.spreads is None or spread_id in self.spreads


@frozen
class Promotions:
    welcome_credits: int = 20
    daily_free_card: bool = True
    follow_up_cost: int = 2
    max_follow_ups: int = 3


def _price(product_id: str, prices: tuple[Price, ...], provider: str, currency: str | None) -> Price:
    for price in prices:
        if price.provider == provider and (currency is None or price.currency == currency):
            return price
    raise validation(f"{product_id} has no {provider} price", "error.no_price", product=product_id)


@frozen
class Catalog:
    packs: tuple[CreditPack, ...]
    tiers: tuple[Tier, ...]
    promotions: Promotions = Promotions()
    free_spreads: frozenset[str] = structure.FREE_SPREADS
    _pack_index: Mapping[str, CreditPack] = field(init=False, eq=False, repr=False)
    _tier_index: Mapping[str, Tier] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_pack_index", MappingProxyType({p.id: p for p in self.packs}))
        object.__setattr__(self, "_tier_index", MappingProxyType({t.id: t for t in self.tiers}))

    def pack(self, pack_id: str) -> CreditPack:
        try:
            return self._pack_index[pack_id]
        except KeyError:
            raise validation(f"unknown pack {pack_id!r}", "error.unknown_product", product=pack_id) from None

    def tier(self, tier_id: str) -> Tier:
        try:
            return self._tier_index[tier_id]
        except KeyError:
            raise validation(f"unknown tier {tier_id!r}", "error.unknown_product", product=tier_id) from None

    def product_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.packs) + tuple(t.id for t in self.tiers)

    def can_use(self, tier_id: str | None, spread_id: str) -> bool:
        """Without a subscription the free spreads are open; a tier opens what it lists."""
        if spread_id in self.free_spreads:
            return True
        return tier_id is not None and self.tier(tier_id).allows(spread_id)

    def check_access(self, tier_id: str | None, spread_id: str) -> None:
        if not self.can_use(tier_id, spread_id):
            raise forbidden(
                f"spread {spread_id!r} needs a higher tier than {tier_id or 'none'}",
                "error.spread_needs_tier",
                spread=spread_id,
            )

    def pack_credits(self, pack_id: str, tier_id: str | None) -> int:
        """A pack's credits plus the buyer's tier bonus, rounded down to whole credits."""
        pack = self.pack(pack_id)
        bonus = 0 if tier_id is None else self.tier(tier_id).pack_bonus_percent
        return pack.credits + pack.credits * bonus // 100

    def minimum_tier_for(self, spread_id: str) -> Tier | None:
        for tier in self.tiers:
            if tier.allows(spread_id):
                return tier
        return None


def default_catalog() -> Catalog:
    """The product plan (`content.structure.products`): five packs, three tiers, a welcome grant and a
    daily free card; names come from the language packs."""
    return Catalog(
        packs=tuple(
            CreditPack(pack.id, pack.credits, PackText(keys.product_name(pack.id)), pack.prices)
            for pack in structure.PACKS
        ),
        tiers=tuple(
            Tier(
                tier.id,
                PackText(keys.product_name(tier.id)),
                monthly_credits=tier.monthly_credits,
                spreads=tier.spreads,
                pack_bonus_percent=tier.pack_bonus_percent,
                prices=tier.prices,
            )
            for tier in structure.TIERS
        ),
        free_spreads=structure.FREE_SPREADS,
    )
