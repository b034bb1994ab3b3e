"""Rate limits (GCRA) for actions such as readings, commands and outgoing messages.

Besides the port: the rules every limiter shares (which limits and costs are valid, how a decision is
built from microseconds, what an unreachable store answers) and the service's named limits, so the
in-process and Redis limiters and every frontend read them from one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Protocol

from attrs import asdict, field, frozen

_US = 1_000_000
LLM_BUDGET_KEY = "llm:readings"
"""The one bucket every interpreter call passes (bot, web and every process sharing the limiter)."""


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
    # The JSON API, per client and person: any call (120 a minute, 30 at once), and the calls that
    # reach the interpreter (readings, follow-ups, the day's first card: 10 a minute, 5 at once).
    api_calls_per_client: RateLimit = field(default=RateLimit(rate=120, period=60, burst=30))
    api_readings_per_client: RateLimit = field(default=RateLimit(rate=10, period=60, burst=5))

    def as_mapping(self) -> Mapping[str, RateLimit]:
        return MappingProxyType(asdict(self, recurse=False))


DEFAULT_LIMITS: Mapping[str, RateLimit] = RateLimits().as_mapping()
