"""Fixtures for the Redis-backed ports' contract suites.

Every contract test takes `backend`, parametrised over `memory` and `redis`: the same assertions hold
the in-memory twins to the Redis adapters' behaviour. Time is a `Timeline`: a `ManualClock` moved by hand
for memory (exact), real sleeps for Redis (its clock cannot be moved; compared with a 10 ms tolerance).

Redis is the session's `redis_url` (tests/servers.py: REDIS_URL, default redis://127.0.0.1:6379/15, or a
throwaway `redis-server`); each test uses a random key prefix and deletes its
keys afterwards, so the suite can share a database with anything else.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any, Protocol

import pytest
import redis as sync_redis
from redis.asyncio import Redis
from servers import free_port

from adapters.memory.cache import MemoryCache
from adapters.memory.clock import ManualClock
from adapters.memory.dedup import MemoryDeduplicator
from adapters.memory.idempotency import MemoryIdempotencyStore
from adapters.memory.rate_limit import MemoryRateLimiter
from adapters.memory.sessions import MemorySessionStore
from adapters.redis import RedisCache, RedisDeduplicator, RedisRateLimiter, RedisSessionStore, create_redis
from adapters.redis.idempotency import RedisIdempotencyStore
from tarot_ports.cache import Cache
from tarot_ports.dedup import Deduplicator
from tarot_ports.idempotency import IdempotencyStore
from tarot_ports.rate_limit import RateLimiter
from tarot_ports.sessions import SessionStore

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_prefix(redis_url: str) -> Iterator[str]:
    """A random key prefix for one test; its keys are deleted afterwards."""
    prefix = f"test:{uuid.uuid4().hex[:12]}:"
    yield prefix
    client = sync_redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
    try:
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


class Timeline(Protocol):
    tolerance: float  # how far a measured duration may be from the arithmetic
    margin: float  # added to waits that must land past a boundary (real clocks jitter)

    def elapsed(self) -> float: ...

    async def advance(self, seconds: float) -> None: ...


class ManualTimeline:
    tolerance = 1e-6
    margin = 0.0

    def __init__(self) -> None:
        self.clock = ManualClock()
        self._start = self.clock.now()

    def elapsed(self) -> float:
        return (self.clock.now() - self._start).total_seconds()

    async def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)


class RealTimeline:
    tolerance = 0.010
    margin = 0.005

    def __init__(self) -> None:
        self._start = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self._start

    async def advance(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class Backend(Protocol):
    name: str

    @property
    def timeline(self) -> Timeline: ...

    def sessions(self, default_ttl: int = 3600) -> SessionStore: ...
    def limiter(self) -> RateLimiter: ...
    def cache(self, namespace: str = "c", wait_timeout: float = 3.0) -> Cache: ...
    def dedup(self, *, new_connection: bool = False) -> Deduplicator: ...
    def idempotency(self, *, new_connection: bool = False) -> IdempotencyStore: ...


class MemoryBackend:
    """Memory adapters on one ManualClock. One deduplicator per test: a process has one."""

    name = "memory"

    def __init__(self) -> None:
        self.timeline = ManualTimeline()
        self._dedup = MemoryDeduplicator(self.timeline.clock)
        self._idempotency = MemoryIdempotencyStore(self.timeline.clock)

    def sessions(self, default_ttl: int = 3600) -> SessionStore:
        return MemorySessionStore(self.timeline.clock, default_ttl=default_ttl)

    def limiter(self) -> RateLimiter:
        return MemoryRateLimiter(self.timeline.clock)

    def cache(self, namespace: str = "c", wait_timeout: float = 3.0) -> Cache:
        return MemoryCache(self.timeline.clock, wait_timeout=wait_timeout)

    def dedup(self, *, new_connection: bool = False) -> Deduplicator:
        return self._dedup

    def idempotency(self, *, new_connection: bool = False) -> IdempotencyStore:
        return self._idempotency


class RedisBackend:
    name = "redis"

    def __init__(self, url: str, prefix: str) -> None:
        self.timeline = RealTimeline()
        self.url = url
        self.prefix = prefix
        self.clients: list[Redis] = []
        self.client = self.connect()

    def connect(self, **options: Any) -> Redis:
        client = create_redis(self.url, **options)
        self.clients.append(client)
        return client

    def sessions(self, default_ttl: int = 3600) -> SessionStore:
        return RedisSessionStore(self.client, prefix=self.prefix + "s:", default_ttl=default_ttl)

    def limiter(self) -> RateLimiter:
        return RedisRateLimiter(self.client, prefix=self.prefix + "rl:")

    def cache(self, namespace: str = "c", wait_timeout: float = 3.0) -> Cache:
        return RedisCache(self.client, prefix=f"{self.prefix}{namespace}:", wait_timeout=wait_timeout)

    def dedup(self, *, new_connection: bool = False) -> Deduplicator:
        client = self.connect() if new_connection else self.client
        return RedisDeduplicator(client, prefix=self.prefix + "d:")

    def idempotency(self, *, new_connection: bool = False) -> IdempotencyStore:
        client = self.connect() if new_connection else self.client
        return RedisIdempotencyStore(client, prefix=self.prefix + "i:")

    async def aclose(self) -> None:
        for client in self.clients:
            await client.aclose()


@pytest.fixture(params=["memory", "redis"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    if request.param == "memory":
        yield MemoryBackend()
        return
    # Resolved only here, so the memory half never needs a server.
    redis_backend = RedisBackend(
        request.getfixturevalue("redis_url"), request.getfixturevalue("redis_prefix")
    )
    try:
        yield redis_backend
    finally:
        await redis_backend.aclose()


@pytest.fixture
async def redis_backend(redis_url: str, redis_prefix: str) -> AsyncIterator[RedisBackend]:
    """Redis only, for what has no memory twin (key expiry, script cache, connections)."""
    backend = RedisBackend(redis_url, redis_prefix)
    try:
        yield backend
    finally:
        await backend.aclose()


@pytest.fixture(params=["closed-port", "silent-server"])
async def dead_redis_url(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A Redis URL that never answers: nothing listens (refused at once), or a server accepts
    connections and never replies (only timeouts end a call)."""
    if request.param == "closed-port":
        yield f"redis://127.0.0.1:{free_port()}/0"
        return
    held: list[asyncio.StreamWriter] = []

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        with contextlib.suppress(ConnectionError):
            while await reader.read(65536):
                pass

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()
