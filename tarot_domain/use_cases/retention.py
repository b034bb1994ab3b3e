"""Retention: what people wrote and were told is kept for a while, then blanked; the ledger stays."""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import frozen

from tarot_domain.model.errors import validation
from tarot_ports.clock import Clock
from tarot_ports.storage import UnitOfWorkFactory

# Readings blanked per transaction: each batch is its own short unit of work, so the purge never holds
# row locks (or a snapshot) for long, however much has piled up.
PURGE_BATCH = 2_000


@frozen
class Purged:
    readings: int
    cutoff: datetime
    batches: int = 1


async def purge_old_readings(
    uow_factory: UnitOfWorkFactory, clock: Clock, older_than_days: int, batch: int = PURGE_BATCH
) -> Purged:
    """Blank question, answers and texts of readings created more than `older_than_days` days ago,
    oldest first, `batch` readings per transaction. The draw, the charge and the ledger are kept, so
    accounts still add up."""
    if older_than_days < 1:
        raise validation("retention must be at least one day", "error.validation")
    if batch < 1:
        raise validation("a purge batch is at least one reading", "error.validation")
    cutoff = clock.now() - timedelta(days=older_than_days)
    purged = batches = 0
    while True:
        async with uow_factory() as uow:
            done = await uow.readings.purge_older_than(cutoff, batch)
            await uow.commit()
        purged, batches = purged + done, batches + 1
        if done < batch:
            return Purged(purged, cutoff, batches)
