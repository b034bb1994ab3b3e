"""At-most-once handling of updates and events delivered more than once."""

from __future__ import annotations

from typing import Protocol


class Deduplicator(Protocol):
    async def first_time(self, namespace: str, item_id: str, ttl_seconds: int) -> bool:
        """True exactly once per (namespace, item_id) within the time to live.
        Raises DATABASE (retryable) when the store is unreachable."""
        ...
