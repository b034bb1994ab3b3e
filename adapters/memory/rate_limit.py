"""GCRA rate limits in process, the arithmetic the Redis Lua script mirrors.

GCRA keeps one number per key, the theoretical arrival time (TAT): when the bucket would be empty again
if requests kept coming at exactly the allowed rate. A request costing `cost` moves it `cost` emission
intervals (T = period / rate) ahead and is allowed when the new TAT is at most `burst` intervals ahead
of now, so `burst` requests may arrive at once and then one every T. Time is integer microseconds, so
decisions at exact boundaries are exact and identical here and in `adapters/redis/gcra.lua`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.system.clock import SystemClock
from tarot_ports.clock import Clock
from tarot_ports.rate_limit import RateDecision, RateLimit, check_arguments, decision, emission_interval_us

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def gcra(tat: int | None, now: int, interval: int, burst: int, cost: int) -> tuple[int | None, RateDecision]:
    """One GCRA step in microseconds: the TAT to store (None: store nothing) and the decision."""
    tat = now if tat is None or tat < now else tat
    new_tat = tat + interval * cost
    allow_at = new_tat - interval * burst
    if now < allow_at:
        return None, decision(False, (now - (tat - interval * burst)) // interval, allow_at - now, tat - now)
    return (new_tat if cost > 0 else None), decision(True, (now - allow_at) // interval, 0, new_tat - now)


class MemoryRateLimiter:
    """`RateLimiter` in process; decisions are atomic because `check` never awaits."""

    def __init__(self, clock: Clock | None = None) -> None:
        self._clock = clock or SystemClock()
        self._tats: dict[str, int] = {}
        self._sweep_at = 1024

    async def check(self, key: str, limit: RateLimit, cost: int = 1) -> RateDecision:
        check_arguments(limit, cost)
        now = (self._clock.now() - _EPOCH) // _MICROSECOND
        new_tat, result = gcra(self._tats.get(key), now, emission_interval_us(limit), limit.burst, cost)
        if new_tat is not None:
            self._tats[key] = new_tat
            if len(self._tats) >= self._sweep_at:
                self._sweep(now)
        return result

    def _sweep(self, now: int) -> None:
        # A TAT in the past is a full bucket, the same as no entry (Redis lets such keys expire).
        self._tats = {key: tat for key, tat in self._tats.items() if tat > now}
        self._sweep_at = max(1024, 2 * len(self._tats))
