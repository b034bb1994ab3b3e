"""At-most-once handling of redelivered updates and events, shared by every process on one Redis."""

from __future__ import annotations

from redis.asyncio import Redis

from adapters.redis.client import translate_errors
from tarot_ports.sessions import check_ttl


class RedisDeduplicator:
    """`Deduplicator` on `SET key 1 NX EX ttl`; raises `TarotError(DATABASE)` (retryable) when Redis cannot
    answer, since guessing either way would drop an update or handle it twice.

    Known limit: if the SET reached Redis but the reply was lost (a timeout), a retry reports the item
    as already seen. That errs on the side of at-most-once, which is what this port promises.
    """

    def __init__(self, redis: Redis, *, prefix: str = "tarot:dedup:") -> None:
        self._redis = redis
        self._prefix = prefix

    async def first_time(self, namespace: str, item_id: str, ttl_seconds: int) -> bool:
        ttl = check_ttl(ttl_seconds)
        async with translate_errors("dedup"):
            created = await self._redis.set(f"{self._prefix}{namespace}:{item_id}", b"1", nx=True, ex=ttl)
        return bool(created)
