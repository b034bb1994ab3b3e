"""Retention: what people wrote and were told is kept for a while, then blanked; the ledger stays."""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import frozen

from tarot_domain.model.errors import validation
from tarot_ports.clock import Clock
from tarot_ports.storage import UnitOfWorkFactory


@frozen
class Purged:
    readings: int
    cutoff: datetime


async def purge_old_readings(uow_factory: UnitOfWorkFactory, clock: Clock, older_than_days: int) -> Purged:
    """Blank question, answers and texts of readings created more than `older_than_days` days ago.
    The draw, the charge and the ledger are kept, so accounts still add up."""
    if older_than_days < 1:
        raise validation("retention must be at least one day", "error.validation")
    cutoff = clock.now() - timedelta(days=older_than_days)
    async with uow_factory() as uow:
        purged = await uow.readings.purge_older_than(cutoff)
        await uow.commit()
    return Purged(purged, cutoff)
