"""A JSON cache in process, with the Redis cache's rules for time to live and concurrent computing."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from adapters.system.clock import SystemClock
from tarot_ports.cache import DEFAULT_WAIT_TIMEOUT, encode_value
from tarot_ports.clock import Clock


class MemoryCache:
    """`Cache` in process. Values are kept as JSON text, so what comes back is a fresh copy with JSON's
    types (a tuple comes back a list), as from Redis.

    `get_or_set`: the first caller for a key computes while later ones wait on its future for up to
    `wait_timeout` seconds, then compute anyway; if the first one fails, a waiter takes over.
    """

    def __init__(self, clock: Clock | None = None, *, wait_timeout: float = DEFAULT_WAIT_TIMEOUT) -> None:
        self._clock = clock or SystemClock()
        self._wait_timeout = wait_timeout
        self._entries: dict[str, tuple[datetime, str]] = {}
        self._pending: dict[str, asyncio.Future[None]] = {}
        self._sweep_at = 1024

    async def get(self, key: str) -> Any | None:
        return self._lookup(key)[1]

    async def set(self, key: str, value: Any, ttl_seconds: float) -> None:
        text = encode_value(value)
        if ttl_seconds <= 0:  # already expired: Redis cannot store it either
            self._entries.pop(key, None)
            return
        now = self._clock.now()
        self._entries[key] = (now + timedelta(seconds=ttl_seconds), text)
        if len(self._entries) >= self._sweep_at:
            self._entries = {k: e for k, e in self._entries.items() if e[0] > now}
            self._sweep_at = max(1024, 2 * len(self._entries))

    async def get_or_set(self, key: str, compute: Callable[[], Awaitable[Any]], ttl_seconds: float) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._wait_timeout
        while True:
            found, value = self._lookup(key)
            if found:
                return value
            pending = self._pending.get(key)
            if pending is None:
                break
            remaining = deadline - loop.time()
            if remaining <= 0:
                return await self._compute_and_set(key, compute, ttl_seconds)
            try:
                # shield: a waiter timing out must not cancel the future the others wait on.
                await asyncio.wait_for(asyncio.shield(pending), remaining)
            except TimeoutError:
                return await self._compute_and_set(key, compute, ttl_seconds)
        done = self._pending[key] = loop.create_future()
        try:
            return await self._compute_and_set(key, compute, ttl_seconds)
        finally:
            del self._pending[key]
            done.set_result(None)  # success or failure: waiters look again, and one may take over

    async def _compute_and_set(self, key: str, compute: Callable[[], Awaitable[Any]], ttl: float) -> Any:
        value = await compute()
        await self.set(key, value, ttl)
        return value

    def _lookup(self, key: str) -> tuple[bool, Any]:
        entry = self._entries.get(key)
        if entry is None:
            return False, None
        if self._clock.now() >= entry[0]:
            del self._entries[key]
            return False, None
        return True, json.loads(entry[1])
