"""Idempotency keys for requests that must not happen twice (the IETF `Idempotency-Key` header draft).

A key remembers the fingerprint of the request that first used it. While that request runs the key is
*in flight* (for at most its lease, so a crashed server never blocks a key for good); once it answers
successfully the key is *done* and keeps the answer for replay. A request that fails releases the key,
so the same key may be tried again (after a top-up, say). The fingerprint is the caller's digest of what
makes two requests the same (method, target, body): 64 lowercase hex characters (SHA-256).
"""

from __future__ import annotations

import enum
import re
from typing import Protocol

from attrs import frozen

FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")
DEFAULT_LEASE = 300  # seconds a claim may stay in flight: longer than any reading with its retries
DEFAULT_RETENTION = 86_400  # seconds a finished answer is kept for replay


class Claim(enum.Enum):
    NEW = "new"  # the key was free: this request now holds it, in flight
    IN_FLIGHT = "in_flight"  # the same request is being served right now
    DONE = "done"  # the same request was answered: `Attempt.response` replays it
    MISMATCH = "mismatch"  # the key was used for a different request


@frozen
class StoredResponse:
    """What a finished request answered: its status, headers worth repeating and body (JSON text)."""

    status: int
    body: str
    headers: tuple[tuple[str, str], ...] = ()


@frozen
class Attempt:
    claim: Claim
    response: StoredResponse | None = None  # with DONE


def check_fingerprint(fingerprint: str) -> str:
    if not FINGERPRINT.match(fingerprint):
        raise ValueError("a request fingerprint is 64 lowercase hex characters (SHA-256)")
    return fingerprint


def check_seconds(seconds: int) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 1:
        raise ValueError(f"a lease or retention is a whole number of seconds >= 1, got {seconds!r}")
    return seconds


class IdempotencyStore(Protocol):
    async def claim(self, key: str, fingerprint: str, lease_seconds: int = DEFAULT_LEASE) -> Attempt:
        """Atomically: a free key is taken for this request (NEW, in flight for `lease_seconds`); a key
        held for another fingerprint is MISMATCH, whatever its state; the same fingerprint is IN_FLIGHT
        or DONE (with the stored response). Raises DATABASE (retryable) when the store is unreachable."""
        ...

    async def complete(
        self, key: str, fingerprint: str, response: StoredResponse, retention_seconds: int = DEFAULT_RETENTION
    ) -> None:
        """Keep `response` for replay; only while the key is still held for `fingerprint` (a claim that
        outlived its lease and was taken by another request is left alone). DATABASE."""
        ...

    async def release(self, key: str, fingerprint: str) -> None:
        """Free an in-flight key whose request failed, so it may be tried again; a done key, or one held
        for another fingerprint, is left alone. DATABASE."""
        ...
