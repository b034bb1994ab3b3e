"""The failure policy (adapters/redis/__init__.py) against a Redis that is down, silent or restarted:
the limiter fails open with a warning, sessions and de-duplication raise a retryable DATABASE error, the
cache degrades to computing, and no call takes more than about the client's timeouts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from redis.asyncio import Redis

from adapters.redis import RedisCache, RedisDeduplicator, RedisRateLimiter, RedisSessionStore, create_redis
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_ports.rate_limit import RateLimit

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from servers import RedisServer

pytestmark = pytest.mark.contract

LIMIT = RateLimit(rate=1, period=60, burst=2)
T = TypeVar("T")


# Calls to a dead server run concurrently where they can: a silent one costs a full timeout each.
async def quickly(call: Awaitable[T], within: float = 2.0) -> T:
    started = time.monotonic()
    try:
        return await call
    finally:
        assert time.monotonic() - started < within, "a call to a dead Redis must not hang"


async def compute() -> str:
    return "computed"


@pytest.fixture
async def dead(dead_redis_url: str) -> AsyncIterator[Redis]:
    client = create_redis(dead_redis_url)  # the production timeouts
    yield client
    await client.aclose()


async def test_rate_limiter_fails_open_and_warns(dead: Redis, caplog: pytest.LogCaptureFixture) -> None:
    limiter = RedisRateLimiter(dead)
    with caplog.at_level("WARNING", logger="adapters.redis"):
        decisions = await asyncio.gather(*(quickly(limiter.check("k", LIMIT)) for _ in range(3)))
    assert all(d.allowed for d in decisions)
    assert decisions[0].remaining == 1 and decisions[0].retry_after == 0.0
    warnings = [r for r in caplog.records if r.name == "adapters.redis" and r.levelname == "WARNING"]
    assert len(warnings) == 1, "an outage is logged once, not once per request"
    assert "failing open" in warnings[0].getMessage()


async def expect_database_error(call: Awaitable[Any]) -> None:
    with pytest.raises(TarotError) as raised:
        await quickly(call)
    assert raised.value.kind is ErrorKind.DATABASE
    assert raised.value.retryable


async def test_sessions_raise_retryable_database_errors(dead: Redis) -> None:
    store = RedisSessionStore(dead)
    await asyncio.gather(
        expect_database_error(store.load("chat")),
        expect_database_error(store.save("chat", {"step": "menu"})),
        expect_database_error(store.delete("chat")),
    )


async def test_dedup_raises_retryable_database_errors(dead: Redis) -> None:
    await expect_database_error(RedisDeduplicator(dead).first_time("ns", "1", 60))


async def test_idempotency_keys_raise_retryable_database_errors(dead: Redis) -> None:
    import hashlib

    from adapters.redis.idempotency import RedisIdempotencyStore
    from tarot_ports.idempotency import StoredResponse

    store, fingerprint = RedisIdempotencyStore(dead), hashlib.sha256(b"x").hexdigest()
    await asyncio.gather(
        expect_database_error(store.claim("k", fingerprint, 60)),
        expect_database_error(store.complete("k", fingerprint, StoredResponse(200, "{}"), 60)),
        expect_database_error(store.release("k", fingerprint)),
    )


async def test_cache_degrades_to_computing(dead: Redis, caplog: pytest.LogCaptureFixture) -> None:
    cache = RedisCache(dead)
    with caplog.at_level("WARNING", logger="adapters.redis"):
        got, _, computed = await asyncio.gather(
            quickly(cache.get("k")),
            quickly(cache.set("k", 1, 60)),
            quickly(cache.get_or_set("k", compute, 60)),
        )
    assert got is None and computed == "computed"
    assert any("cache degraded" in r.getMessage() for r in caplog.records)


async def test_server_errors_are_not_retryable(redis_url: str, redis_prefix: str) -> None:
    client = create_redis(redis_url)
    try:
        await client.rpush(redis_prefix + "list", "x")  # the wrong type for every adapter
        store = RedisSessionStore(client, prefix=redis_prefix)
        with pytest.raises(TarotError) as raised:
            await store.load("list")
        assert raised.value.kind is ErrorKind.DATABASE and not raised.value.retryable
        assert (await RedisRateLimiter(client, prefix=redis_prefix).check("list", LIMIT)).allowed
    finally:
        await client.aclose()


async def test_recovers_when_redis_comes_back(own_redis_server: RedisServer) -> None:
    server = own_redis_server
    client = create_redis(server.url)
    try:
        store, dedup = RedisSessionStore(client), RedisDeduplicator(client)
        limiter, cache = RedisRateLimiter(client), RedisCache(client)
        await store.save("chat", {"step": 1})
        assert (await limiter.check("k", LIMIT)).remaining == 1

        server.stop()  # pooled connections are now dead sockets
        await expect_database_error(store.load("chat"))
        await expect_database_error(dedup.first_time("ns", "1", 60))
        assert (await quickly(limiter.check("k", LIMIT))).allowed
        assert await quickly(cache.get_or_set("c", compute, 60)) == "computed"

        server.start()  # same port, empty (no persistence); the same client reconnects
        assert await store.load("chat") is None
        assert await dedup.first_time("ns", "1", 60)
        assert (await limiter.check("k", LIMIT)).remaining == 1
        assert await cache.get_or_set("c", compute, 60) == "computed"
        assert await cache.get("c") == "computed"
    finally:
        await client.aclose()
