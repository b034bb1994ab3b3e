"""What every use case needs from the world, bundled once."""

from __future__ import annotations

from datetime import timedelta

from attrs import field, frozen

from tarot_domain.model.ledger import DEFAULT_HOLD_TTL
from tarot_domain.model.products import Catalog, default_catalog
from tarot_ports.clock import Clock
from tarot_ports.randomness import RandomSource
from tarot_ports.storage import UnitOfWorkFactory


@frozen
class Services:
    uow: UnitOfWorkFactory
    clock: Clock
    random: RandomSource
    catalog: Catalog = field(factory=default_catalog)
    hold_ttl: timedelta = DEFAULT_HOLD_TTL

    def new_id(self) -> str:
        return self.random.token(16)
