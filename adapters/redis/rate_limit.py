"""GCRA rate limits in Redis: one atomic Lua script on the server's clock."""

from __future__ import annotations

from importlib.resources import files

from redis.asyncio import Redis

from adapters.redis.client import REDIS_ERRORS, LuaScript, ThrottledWarning
from tarot_ports.rate_limit import (
    RateDecision,
    RateLimit,
    check_arguments,
    decision,
    emission_interval_us,
    fail_open,
)

GCRA = LuaScript(files("adapters.redis").joinpath("gcra.lua").read_text(encoding="utf-8"))


class RedisRateLimiter:
    """`RateLimiter` shared by every process using the same Redis.

    The script reads Redis `TIME`, so processes with skewed clocks still agree, and it is the only
    writer of its keys, so concurrent checks are serialised by Redis: a burst of n lets exactly n
    through. Fails open (allowed, warning logged) when Redis cannot answer.
    """

    def __init__(self, redis: Redis, *, prefix: str = "tarot:ratelimit:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._warn = ThrottledWarning("rate limiter failing open")

    async def load_script(self) -> None:
        """Optional warm-up (SCRIPT LOAD); `check` loads the script itself when Redis lacks it."""
        await GCRA.load(self._redis)

    async def check(self, key: str, limit: RateLimit, cost: int = 1) -> RateDecision:
        check_arguments(limit, cost)
        try:
            allowed, remaining, retry_us, reset_us = await GCRA(
                self._redis, [self._prefix + key], [emission_interval_us(limit), limit.burst, cost]
            )
        except REDIS_ERRORS as exc:
            self._warn(exc)
            return fail_open(limit, cost)
        return decision(bool(allowed), remaining, retry_us, reset_us)
