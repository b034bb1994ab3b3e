"""A shared cache of JSON values with time to live."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol


class Cache(Protocol):
    async def get(self, key: str) -> Any | None:
        """The cached JSON value, or None when absent, expired or the cache is unreachable."""
        ...

    async def set(self, key: str, value: Any, ttl_seconds: float) -> None:
        """Store a JSON-serialisable value; a failing cache is logged and ignored."""
        ...

    async def get_or_set(self, key: str, compute: Callable[[], Awaitable[Any]], ttl_seconds: float) -> Any:
        """The cached value, or compute it once while concurrent callers for the same key wait briefly
        for that result instead of computing it again."""
        ...
