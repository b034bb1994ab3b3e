"""`RedisJobLock`: the JobLock port on one Redis shared by every process.

Taking the lock is `SET key token NX PX ttl` with a random token per holding; releasing and renewing
are Lua scripts that act only while the key still holds *our* token (compare-and-delete,
compare-and-pexpire), so a holder whose lock expired and was taken by another process can never
release or extend the new holder's lock. While a block runs, a watchdog task renews the lock every
third of its ttl, so a long job keeps it; a holder that dies stops renewing and the key expires after at
most `ttl_seconds`.

Known limit (as with any lease): a holder stalled for longer than the ttl (a frozen VM) loses the lock
while it still runs; the watchdog logs that. The jobs guarded here are idempotent, so an overlap costs
work, never correctness.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from adapters.redis.client import LuaScript, translate_errors
from tarot_ports.locks import check_lock_ttl

logger = logging.getLogger("adapters.redis")

_RELEASE = LuaScript(
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)
_RENEW = LuaScript(
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end"
    " return 0"
)


def _millis(ttl_seconds: float) -> int:
    return max(1, round(check_lock_ttl(ttl_seconds) * 1000))


class RedisJobLock:
    """Keys are `<prefix><name>`. `new_token` is there for tests."""

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "tarot:lock:",
        new_token: Callable[[], str] = lambda: secrets.token_hex(16),
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._new_token = new_token

    def key(self, name: str) -> str:
        return f"{self._prefix}{name}"

    async def acquire(self, name: str, ttl_seconds: float) -> str | None:
        """The token of a new holding, or None when the lock is held. Raises DATABASE."""
        token = self._new_token()
        async with translate_errors("lock acquire"):
            taken = await self._redis.set(self.key(name), token, nx=True, px=_millis(ttl_seconds))
        return token if taken else None

    async def release(self, name: str, token: str) -> bool:
        """Delete the lock if `token` still holds it; False when it does not (expired, or another's).
        Raises DATABASE."""
        async with translate_errors("lock release"):
            return bool(await _RELEASE(self._redis, [self.key(name)], [token]))

    async def renew(self, name: str, token: str, ttl_seconds: float) -> bool:
        """Reset the lock's ttl if `token` still holds it. Raises DATABASE."""
        async with translate_errors("lock renew"):
            return bool(await _RENEW(self._redis, [self.key(name)], [token, _millis(ttl_seconds)]))

    @asynccontextmanager
    async def hold(self, name: str, ttl_seconds: float) -> AsyncIterator[bool]:
        token = await self.acquire(name, ttl_seconds)
        if token is None:
            yield False
            return
        watchdog = asyncio.create_task(self._keep(name, token, ttl_seconds), name=f"lock-renew:{name}")
        try:
            yield True
        finally:
            watchdog.cancel()
            await asyncio.wait([watchdog])  # never raises the watchdog's outcome; a cancel of ours does
            try:
                if not await self.release(name, token):
                    logger.warning("lock %s had expired before its holder released it", name)
            except Exception as error:  # the key expires on its own; the job's own outcome stands
                logger.warning("lock %s not released (it will expire): %s", name, error)

    async def _keep(self, name: str, token: str, ttl_seconds: float) -> None:
        while True:
            await asyncio.sleep(ttl_seconds / 3)
            try:
                if not await self.renew(name, token, ttl_seconds):
                    logger.warning("lock %s was lost while held (expired or taken over)", name)
                    return
            except Exception as error:  # keep trying: the next renewal may reach Redis again
                logger.warning("lock %s not renewed: %s", name, error)
