"""The Redis client factory, Lua script calls and the translation of Redis failures."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from tarot_domain.model.errors import ErrorKind, TarotError

logger = logging.getLogger("adapters.redis")

# What a dead, partitioned or overloaded server looks like from here: the same request may succeed later.
UNREACHABLE_ERRORS: tuple[type[BaseException], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    OSError,
    TimeoutError,
)
# Everything that means "Redis did not do it" (a server-side error such as WRONGTYPE included).
REDIS_ERRORS: tuple[type[BaseException], ...] = (RedisError, *UNREACHABLE_ERRORS)


def create_redis(
    url: str,
    *,
    socket_timeout: float = 1.0,
    connect_timeout: float = 1.0,
    pool_timeout: float | None = None,
    max_connections: int = 64,
    health_check_interval: float = 0,
) -> Redis:
    """One `redis.asyncio.Redis` on one bounded connection pool; closing the client closes the pool.

    Every step of a call is bounded: waiting for a pooled connection (`pool_timeout`, by default
    `socket_timeout`), connecting (`connect_timeout`) and each read or write (`socket_timeout`), so a
    dead server costs a caller at most their sum, never a hang. The pool blocks rather than growing
    without limit, so a thousand concurrent callers share `max_connections` sockets.

    Commands are never retried here: a retried `SET NX` or rate-limit script whose first attempt did
    reach the server would report a duplicate or count twice. The adapters turn failures into
    retryable `TarotError`s (or fail open) and let the caller decide.
    """
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=max_connections,
        timeout=socket_timeout if pool_timeout is None else pool_timeout,
        socket_timeout=socket_timeout,
        socket_connect_timeout=connect_timeout,
        retry=Retry(NoBackoff(), 0),
        health_check_interval=health_check_interval,
    )
    return Redis.from_pool(pool)


def database_error(operation: str, exc: BaseException) -> TarotError:
    """A `TarotError(DATABASE)`; retryable when the server was unreachable, not for a server-side error
    (WRONGTYPE, a broken script) that repeating the request will not fix."""
    retryable = isinstance(exc, UNREACHABLE_ERRORS)
    return TarotError(
        ErrorKind.DATABASE, f"redis {operation} failed: {type(exc).__name__}: {exc}", retryable=retryable
    )


@asynccontextmanager
async def translate_errors(operation: str) -> AsyncIterator[None]:
    """Raise Redis failures inside the block as `TarotError(DATABASE)`."""
    try:
        yield
    except REDIS_ERRORS as exc:
        raise database_error(operation, exc) from exc


async def check_connection(url: str, seconds: float = 5.0) -> None:
    """One PING on a client of its own, bounded by `seconds`; raises TarotError(DATABASE)."""
    redis = create_redis(url, socket_timeout=seconds, connect_timeout=seconds)
    try:
        async with translate_errors("ping"):
            await redis.ping()
    finally:
        await redis.aclose()


class ThrottledWarning:
    """Logs a failure at most once per `interval` seconds, with the number of failures it left out, so an
    outage that hits every request does not flood the log."""

    def __init__(self, what: str, interval: float = 10.0) -> None:
        self._what = what
        self._interval = interval
        self._last = -float("inf")
        self._suppressed = 0

    def __call__(self, exc: BaseException) -> None:
        now = time.monotonic()
        if now - self._last < self._interval:
            self._suppressed += 1
            return
        logger.warning(
            "%s: redis unavailable (%s: %s); %d similar failures not logged",
            self._what, type(exc).__name__, exc, self._suppressed,
        )  # fmt: skip
        self._last, self._suppressed = now, 0


class LuaScript:
    """A Lua script run by its SHA1 (EVALSHA), sent in full (EVAL) only when the server does not have
    it cached (NOSCRIPT: a restart, a failover or SCRIPT FLUSH), which also caches it again."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.sha = hashlib.sha1(source.encode(), usedforsecurity=False).hexdigest()

    async def load(self, redis: Redis) -> None:
        """SCRIPT LOAD, e.g. at start-up or before a benchmark; optional, calls load it on demand."""
        sha = await redis.script_load(self.source)
        if sha != self.sha:  # pragma: no cover - would mean the server hashes differently
            raise RuntimeError(f"redis hashed the script as {sha}, expected {self.sha}")

    async def __call__(self, redis: Redis, keys: Sequence[str], args: Sequence[str | int | float]) -> Any:
        try:
            return await redis.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            return await redis.eval(self.source, len(keys), *keys, *args)
