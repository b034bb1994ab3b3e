"""Idempotency keys in process, with the Redis store's rules (leases, retention, fingerprints)."""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import frozen

from adapters.system.clock import SystemClock
from tarot_ports.clock import Clock
from tarot_ports.idempotency import (
    DEFAULT_LEASE,
    DEFAULT_RETENTION,
    Attempt,
    Claim,
    StoredResponse,
    check_fingerprint,
    check_seconds,
)


@frozen
class _Entry:
    fingerprint: str
    expires_at: datetime
    response: StoredResponse | None = None


class MemoryIdempotencyStore:
    """`IdempotencyStore` in process; no method awaits, so each is atomic among tasks."""

    def __init__(self, clock: Clock | None = None) -> None:
        self._clock = clock or SystemClock()
        self._entries: dict[str, _Entry] = {}
        self._sweep_at = 1024

    async def claim(self, key: str, fingerprint: str, lease_seconds: int = DEFAULT_LEASE) -> Attempt:
        check_fingerprint(fingerprint)
        lease = check_seconds(lease_seconds)
        now = self._clock.now()
        entry = self._live(key, now)
        if entry is None:
            self._entries[key] = _Entry(fingerprint, now + timedelta(seconds=lease))
            self._sweep(now)
            return Attempt(Claim.NEW)
        if entry.fingerprint != fingerprint:
            return Attempt(Claim.MISMATCH)
        if entry.response is None:
            return Attempt(Claim.IN_FLIGHT)
        return Attempt(Claim.DONE, entry.response)

    async def complete(
        self, key: str, fingerprint: str, response: StoredResponse, retention_seconds: int = DEFAULT_RETENTION
    ) -> None:
        retention = check_seconds(retention_seconds)
        now = self._clock.now()
        entry = self._live(key, now)
        if entry is not None and entry.fingerprint == fingerprint and entry.response is None:
            self._entries[key] = _Entry(fingerprint, now + timedelta(seconds=retention), response)

    async def release(self, key: str, fingerprint: str) -> None:
        entry = self._live(key, self._clock.now())
        if entry is not None and entry.fingerprint == fingerprint and entry.response is None:
            del self._entries[key]

    def _live(self, key: str, now: datetime) -> _Entry | None:
        entry = self._entries.get(key)
        if entry is not None and now >= entry.expires_at:
            del self._entries[key]
            return None
        return entry

    def _sweep(self, now: datetime) -> None:
        if len(self._entries) >= self._sweep_at:
            self._entries = {k: e for k, e in self._entries.items() if e.expires_at > now}
            self._sweep_at = max(1024, 2 * len(self._entries))
