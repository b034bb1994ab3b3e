"""GCRA rate limits in Redis: one atomic Lua script on the server's clock."""

from __future__ import annotations

from importlib.resources import files

from redis.asyncio import Redis
from redis.exceptions import NoScriptError

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

    # The hot path is one EVALSHA and little else: a limit's script arguments are validated and worked
    # out once (the service has a handful of limits), and the call goes straight to redis-py.
    _MAX_REMEMBERED_LIMITS = 256

    def __init__(self, redis: Redis, *, prefix: str = "tarot:ratelimit:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._warn = ThrottledWarning("rate limiter failing open")
        self._intervals: dict[RateLimit, int] = {}

    async def load_script(self) -> None:
        """Optional warm-up (SCRIPT LOAD); `check` loads the script itself when Redis lacks it."""
        await GCRA.load(self._redis)

    def _interval(self, limit: RateLimit, cost: int) -> int:
        interval = self._intervals.get(limit)
        if interval is None or not 0 <= cost <= limit.burst:
            check_arguments(limit, cost)
            interval = emission_interval_us(limit)
            if len(self._intervals) >= self._MAX_REMEMBERED_LIMITS:
                self._intervals.clear()  # limits made per call: remembering them would only grow
            self._intervals[limit] = interval
        return interval

    async def check(self, key: str, limit: RateLimit, cost: int = 1) -> RateDecision:
        interval = self._interval(limit, cost)
        name = self._prefix + key
        try:
            try:
                allowed, remaining, retry_us, reset_us = await self._redis.evalsha(
                    GCRA.sha, 1, name, interval, limit.burst, cost
                )
            except NoScriptError:  # a restarted or flushed server: EVAL sends it and caches it again
                allowed, remaining, retry_us, reset_us = await GCRA(
                    self._redis, [name], [interval, limit.burst, cost]
                )
        except REDIS_ERRORS as exc:
            self._warn(exc)
            return fail_open(limit, cost)
        return decision(bool(allowed), remaining, retry_us, reset_us)
