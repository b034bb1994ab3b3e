"""Per-chat dialog state in Redis: one string key per chat, expiring unless the chat is active."""

from __future__ import annotations

import json
import logging
from typing import Any

from redis.asyncio import Redis

from adapters.redis.client import LuaScript, translate_errors
from tarot_ports.sessions import DEFAULT_SESSION_TTL, JSONObject, check_ttl, encode_state

logger = logging.getLogger("adapters.redis")

# The value is "<ttl>:<json>", so a load can restore the time to live the state was saved with, and
# reading and refreshing happen in one atomic step (no refresh of a key deleted in between).
_LOAD = LuaScript(
    """
local value = redis.call('GET', KEYS[1])
if not value then return false end
local ttl = tonumber(string.match(value, '^(%d+):'))
if ttl then redis.call('EXPIRE', KEYS[1], ttl) end
return value
"""
)


class RedisSessionStore:
    """`SessionStore` on Redis; raises `TarotError(DATABASE)` (retryable) when Redis cannot answer."""

    def __init__(
        self, redis: Redis, *, prefix: str = "tarot:session:", default_ttl: int = DEFAULT_SESSION_TTL
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._default_ttl = check_ttl(default_ttl)

    async def load(self, key: str) -> dict[str, Any] | None:
        async with translate_errors("session load"):
            raw = await _LOAD(self._redis, [self._prefix + key], [])
        if raw is None:
            return None
        try:
            _, _, text = bytes(raw).partition(b":")
            state = json.loads(text)
            if not isinstance(state, dict):
                raise TypeError(f"a session must be a JSON object, got {type(state).__name__}")
        except (ValueError, TypeError) as exc:
            # A corrupt session only costs the user their place in a dialog; start afresh.
            logger.warning("session %r is unreadable, treating it as absent: %s", key, exc)
            return None
        return state

    async def save(self, key: str, state: JSONObject, ttl_seconds: int | None = None) -> None:
        ttl = self._default_ttl if ttl_seconds is None else check_ttl(ttl_seconds)
        value = f"{ttl}:{encode_state(state)}"
        async with translate_errors("session save"):
            await self._redis.set(self._prefix + key, value, ex=ttl)

    async def delete(self, key: str) -> None:
        async with translate_errors("session delete"):
            await self._redis.delete(self._prefix + key)
