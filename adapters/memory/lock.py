"""`MemoryJobLock`: the JobLock port inside one process (embedded mode: SQLite or memory, no Redis)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tarot_ports.locks import check_lock_ttl


class MemoryJobLock:
    """Names held by this process. No expiry is needed: a holder that dies takes the process with it.

    Checking and taking a name happen with no `await` in between, so two tasks cannot both take it.
    """

    def __init__(self) -> None:
        self._held: set[str] = set()

    @asynccontextmanager
    async def hold(self, name: str, ttl_seconds: float) -> AsyncIterator[bool]:
        check_lock_ttl(ttl_seconds)
        if name in self._held:
            yield False
            return
        self._held.add(name)
        try:
            yield True
        finally:
            self._held.discard(name)
