"""Rate limits (GCRA) for actions such as readings, commands and outgoing messages."""

from __future__ import annotations

from typing import Protocol

from attrs import frozen


@frozen
class RateLimit:
    """`rate` actions per `period` seconds, with up to `burst` allowed at once."""

    rate: int
    period: float
    burst: int

    @property
    def emission_interval(self) -> float:
        return self.period / self.rate


@frozen
class RateDecision:
    allowed: bool
    remaining: int
    retry_after: float  # seconds until this request would be allowed (0 when allowed)
    reset_after: float  # seconds until the bucket is full again


class RateLimiter(Protocol):
    async def check(self, key: str, limit: RateLimit, cost: int = 1) -> RateDecision:
        """Count `cost` actions against `key` if allowed. Never raises for an unreachable store:
        it fails open (allowed) and logs a warning, since the ledger still protects credits."""
        ...
