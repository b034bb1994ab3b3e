"""At-most-once handling in process, with the Redis deduplicator's time-to-live rules."""

from __future__ import annotations

from datetime import datetime, timedelta

from adapters.system.clock import SystemClock
from tarot_ports.clock import Clock
from tarot_ports.sessions import check_ttl


class MemoryDeduplicator:
    """`Deduplicator` in process; `first_time` never awaits, so it is atomic among tasks."""

    def __init__(self, clock: Clock | None = None) -> None:
        self._clock = clock or SystemClock()
        self._seen: dict[str, datetime] = {}
        self._sweep_at = 1024

    async def first_time(self, namespace: str, item_id: str, ttl_seconds: int) -> bool:
        ttl = check_ttl(ttl_seconds)
        now = self._clock.now()
        key = f"{namespace}:{item_id}"  # joined as the Redis key is, so both collide alike
        expires_at = self._seen.get(key)
        if expires_at is not None and now < expires_at:
            return False
        self._seen[key] = now + timedelta(seconds=ttl)
        if len(self._seen) >= self._sweep_at:
            self._seen = {k: at for k, at in self._seen.items() if at > now}
            self._sweep_at = max(1024, 2 * len(self._seen))
        return True
