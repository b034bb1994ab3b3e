"""Idempotency keys in Redis, shared by every process: one string key per idempotency key.

The value is the 64-character fingerprint followed by nothing (in flight) or by the stored response as
JSON (done). A claim is `SET NX PX lease`; completing and releasing are compare-and-set scripts on the
fingerprint, so a request whose lease ran out can never overwrite or free the key of the next one.
"""

from __future__ import annotations

import json
import logging

from redis.asyncio import Redis

from adapters.redis.client import LuaScript, translate_errors
from tarot_ports.idempotency import (
    DEFAULT_LEASE,
    DEFAULT_RETENTION,
    Attempt,
    Claim,
    StoredResponse,
    check_fingerprint,
    check_seconds,
)

logger = logging.getLogger("adapters.redis")
FP_LENGTH = 64

# KEYS[1]; ARGV: fingerprint, new value, time to live (ms). Replaces an in-flight value of this
# fingerprint only.
_COMPLETE = LuaScript(
    """
local value = redis.call('GET', KEYS[1])
if value and value == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
"""
)
# KEYS[1]; ARGV: fingerprint. Deletes an in-flight value of this fingerprint only.
_RELEASE = LuaScript(
    """
local value = redis.call('GET', KEYS[1])
if value and value == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
"""
)


class RedisIdempotencyStore:
    """`IdempotencyStore` on Redis; raises `TarotError(DATABASE)` (retryable) when Redis cannot answer,
    since guessing would either run a request twice or refuse one that never ran."""

    def __init__(self, redis: Redis, *, prefix: str = "tarot:idem:") -> None:
        self._redis = redis
        self._prefix = prefix

    async def claim(self, key: str, fingerprint: str, lease_seconds: int = DEFAULT_LEASE) -> Attempt:
        check_fingerprint(fingerprint)
        lease = check_seconds(lease_seconds)
        name = self._prefix + key
        for _ in range(3):  # a key that expires or is released between SET NX and GET: claim again
            async with translate_errors("idempotency claim"):
                if await self._redis.set(name, fingerprint, nx=True, px=lease * 1000):
                    return Attempt(Claim.NEW)
                raw = await self._redis.get(name)
            if raw is not None:
                text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
                return _attempt(text, fingerprint, key)
        return Attempt(Claim.IN_FLIGHT)  # the key keeps changing hands: behave as if busy

    async def complete(
        self, key: str, fingerprint: str, response: StoredResponse, retention_seconds: int = DEFAULT_RETENTION
    ) -> None:
        retention = check_seconds(retention_seconds)
        stored = json.dumps(
            {
                "status": response.status,
                "headers": [list(h) for h in response.headers],
                "body": response.body,
            },
            separators=(",", ":"),
            ensure_ascii=False,
        )
        async with translate_errors("idempotency complete"):
            await _COMPLETE(
                self._redis, [self._prefix + key], [fingerprint, fingerprint + stored, retention * 1000]
            )

    async def release(self, key: str, fingerprint: str) -> None:
        async with translate_errors("idempotency release"):
            await _RELEASE(self._redis, [self._prefix + key], [fingerprint])


def _attempt(value: str, fingerprint: str, key: str) -> Attempt:
    if value[:FP_LENGTH] != fingerprint:
        return Attempt(Claim.MISMATCH)
    rest = value[FP_LENGTH:]
    if not rest:
        return Attempt(Claim.IN_FLIGHT)
    try:
        data = json.loads(rest)
        headers = tuple((str(name), str(text)) for name, text in data["headers"])
        return Attempt(Claim.DONE, StoredResponse(int(data["status"]), str(data["body"]), headers))
    except (ValueError, TypeError, KeyError) as exc:
        # An unreadable record can only be replayed wrongly: report the key as busy until it expires.
        logger.warning("idempotency record %r is unreadable: %s", key, exc)
        return Attempt(Claim.IN_FLIGHT)
