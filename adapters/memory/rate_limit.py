"""GCRA rate limits in process, the arithmetic the Redis Lua script mirrors, and the default limits.

GCRA keeps one number per key, the theoretical arrival time (TAT): when the bucket would be empty again
if requests kept coming at exactly the allowed rate. A request costing `cost` moves it `cost` emission
intervals (T = period / rate) ahead and is allowed when the new TAT is at most `burst` intervals ahead
of now, so `burst` requests may arrive at once and then one every T. Time is integer microseconds, so
decisions at exact boundaries are exact and identical here and in `adapters/redis/gcra.lua`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from attrs import asdict, field, frozen

from adapters.memory.clock import SystemClock
from tarot_ports.clock import Clock
from tarot_ports.rate_limit import RateDecision, RateLimit

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_US = 1_000_000


def emission_interval_us(limit: RateLimit) -> int:
    """T in whole microseconds (never 0); the rounding changes a rate by at most one part in T."""
    return max(1, round(limit.period * _US / limit.rate))


def check_arguments(limit: RateLimit, cost: int) -> None:
    """Reject limits and costs that could never be satisfied; a programming error, not a rate limit."""
    if limit.rate < 1 or limit.period <= 0 or limit.burst < 1:
        raise ValueError(f"invalid rate limit {limit!r}")
    if not 0 <= cost <= limit.burst:
        raise ValueError(f"cost {cost} outside 0..burst ({limit.burst}); such a request is never allowed")


def decision(allowed: bool, remaining: int, retry_after_us: int, reset_after_us: int) -> RateDecision:
    return RateDecision(
        allowed=allowed,
        remaining=max(0, int(remaining)),
        retry_after=int(retry_after_us) / _US,
        reset_after=max(0, int(reset_after_us)) / _US,
    )


def fail_open(limit: RateLimit, cost: int) -> RateDecision:
    """What a limiter answers when its store is unreachable: allowed, as if the bucket were full."""
    return RateDecision(allowed=True, remaining=max(0, limit.burst - cost), retry_after=0.0, reset_after=0.0)


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


@frozen
class RateLimits:
    """The service's named limits (the defaults; `tarot bot` reads each from the environment, see
    README, Fair limits). Keys passed to `check` should name the limit too (e.g. f"readings:{user_id}"),
    since one key holds one bucket. RateLimit is frozen, so the shared default instances are safe."""

    # Readings without a subscription: 3 at once, 5 an hour in the long run (one every 12 minutes).
    readings_per_user: RateLimit = field(default=RateLimit(rate=5, period=3600, burst=3))
    # Readings with any subscription tier: 30 an hour, 10 at once.
    subscriber_readings_per_user: RateLimit = field(default=RateLimit(rate=30, period=3600, burst=10))
    # Follow-up questions, for everyone: 10 an hour, 3 at once (a reading takes at most 3).
    follow_ups_per_user: RateLimit = field(default=RateLimit(rate=10, period=3600, burst=3))
    # Every interpreter call across all users (readings, follow-ups, a day's first card): the guard
    # on what the LLM may cost, shared by every process through the limiter's store.
    llm_readings_global: RateLimit = field(default=RateLimit(rate=60, period=60, burst=60))
    # Commands and button presses: generous, only stops scripts and stuck keys.
    commands_per_user: RateLimit = field(default=RateLimit(rate=30, period=60, burst=10))
    # Telegram allows a bot about 30 messages a second overall; stay under it.
    outgoing_global: RateLimit = field(default=RateLimit(rate=25, period=1, burst=25))
    # ... and about one message a second in a chat, with short bursts tolerated.
    outgoing_per_chat: RateLimit = field(default=RateLimit(rate=1, period=1, burst=3))

    def as_mapping(self) -> Mapping[str, RateLimit]:
        return MappingProxyType(asdict(self, recurse=False))


DEFAULT_LIMITS: Mapping[str, RateLimit] = RateLimits().as_mapping()
