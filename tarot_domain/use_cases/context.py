"""What every use case needs from the world, bundled once."""

from __future__ import annotations

from datetime import timedelta

from attrs import field, frozen

from tarot_domain.model.events import Event
from tarot_domain.model.ledger import DEFAULT_HOLD_TTL
from tarot_domain.model.products import Catalog, default_catalog
from tarot_domain.model.safety import Helplines, shipped_helplines
from tarot_ports.clock import Clock
from tarot_ports.events import EventSink
from tarot_ports.randomness import RandomSource
from tarot_ports.storage import UnitOfWorkFactory


class SilentEvents:
    """The EventSink when nobody listens."""

    def emit(self, event: Event) -> None:
        return None


@frozen
class Services:
    """`helplines`: the crisis helplines in force (the packs' own unless a runner read an operator's
    file); `events`: where use cases report outcomes (metrics in the runners); `closing_uow`: the units
    of work that finish an answer already paid for (the reading saved, the hold posted), which a store
    may serve ahead of new arrivals (`uow` when None)."""

    uow: UnitOfWorkFactory
    clock: Clock
    random: RandomSource
    catalog: Catalog = field(factory=default_catalog)
    hold_ttl: timedelta = DEFAULT_HOLD_TTL
    helplines: Helplines = field(factory=shipped_helplines)
    events: EventSink = field(factory=SilentEvents)
    closing_uow: UnitOfWorkFactory | None = None

    def closing(self) -> UnitOfWorkFactory:
        return self.closing_uow or self.uow

    def new_id(self) -> str:
        return self.random.token(16)
