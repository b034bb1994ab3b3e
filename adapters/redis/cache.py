"""A JSON cache in Redis shared by every process, degrading to "no cache" when Redis cannot answer."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

from redis.asyncio import Redis

from adapters.redis.client import REDIS_ERRORS, LuaScript, ThrottledWarning
from tarot_ports.cache import DEFAULT_WAIT_TIMEOUT, encode_value

logger = logging.getLogger("adapters.redis")

# Release the lock only if it is still ours: after a slow compute it may have expired and been taken.
_UNLOCK = LuaScript(
    """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
)


class _Unavailable:
    """Redis could not answer; distinct from a miss so `get_or_set` stops waiting at once."""


_UNAVAILABLE = _Unavailable()


class RedisCache:
    """`Cache` on Redis. Values live under `{prefix}v:{key}`, `get_or_set` locks under `{prefix}lock:{key}`.

    `get_or_set`: a caller that takes the lock (`SET NX PX lock_ttl`) computes and stores; the others
    poll for the value for up to `wait_timeout` seconds and then compute anyway, so a crashed or slow
    holder costs them a bounded wait, never a hang. A failing Redis never fails a caller: `get` returns
    None, `set` does nothing, `get_or_set` computes; each failure is logged (throttled).
    """

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "tarot:cache:",
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        lock_ttl: float = 10.0,
        poll_interval: float = 0.01,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._wait_timeout = wait_timeout
        self._lock_ttl_ms = max(1, math.ceil(lock_ttl * 1000))
        self._poll_interval = poll_interval
        self._warn = ThrottledWarning("cache degraded")

    async def get(self, key: str) -> Any | None:
        found = await self._lookup(key)
        return None if isinstance(found, _Unavailable) else found[1]

    async def set(self, key: str, value: Any, ttl_seconds: float) -> None:
        text = encode_value(value)
        try:
            if ttl_seconds <= 0:  # already expired; PX needs a positive number
                await self._redis.delete(self._value_key(key))
            else:
                await self._redis.set(self._value_key(key), text, px=max(1, math.ceil(ttl_seconds * 1000)))
        except REDIS_ERRORS as exc:
            self._warn(exc)

    async def get_or_set(self, key: str, compute: Callable[[], Awaitable[Any]], ttl_seconds: float) -> Any:
        deadline = time.monotonic() + self._wait_timeout
        delay = self._poll_interval
        while True:
            found = await self._lookup(key)
            if isinstance(found, _Unavailable):
                # Storing would most likely fail too, and a silent server would make us wait for it.
                return await compute()
            if found[0]:
                return found[1]
            token = secrets.token_hex(16)
            try:
                locked = await self._redis.set(self._lock_key(key), token, nx=True, px=self._lock_ttl_ms)
            except REDIS_ERRORS as exc:
                self._warn(exc)
                return await compute()
            if locked:
                try:
                    # The previous holder may have stored the value between our miss and our lock.
                    found = await self._lookup(key)
                    if not isinstance(found, _Unavailable) and found[0]:
                        return found[1]
                    return await self._compute_and_set(key, compute, ttl_seconds)
                finally:
                    await self._unlock(key, token)
            left = deadline - time.monotonic()
            if left <= 0:
                return await self._compute_and_set(key, compute, ttl_seconds)
            await asyncio.sleep(min(delay, left))
            delay = min(delay * 2, 0.1)

    async def _compute_and_set(self, key: str, compute: Callable[[], Awaitable[Any]], ttl: float) -> Any:
        value = await compute()
        await self.set(key, value, ttl)
        return value

    async def _lookup(self, key: str) -> tuple[bool, Any] | _Unavailable:
        try:
            raw = await self._redis.get(self._value_key(key))
        except REDIS_ERRORS as exc:
            self._warn(exc)
            return _UNAVAILABLE
        if raw is None:
            return False, None
        try:
            return True, json.loads(raw)
        except ValueError as exc:
            logger.warning("cache entry %r is not JSON, treating it as a miss: %s", key, exc)
            return False, None

    async def _unlock(self, key: str, token: str) -> None:
        try:
            await _UNLOCK(self._redis, [self._lock_key(key)], [token])
        except REDIS_ERRORS as exc:  # the lock expires by itself
            self._warn(exc)

    def _value_key(self, key: str) -> str:
        return f"{self._prefix}v:{key}"

    def _lock_key(self, key: str) -> str:
        return f"{self._prefix}lock:{key}"
