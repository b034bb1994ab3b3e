"""A shared cache of JSON values with time to live."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

DEFAULT_WAIT_TIMEOUT = 3.0


def encode_value(value: Any) -> str:
    """JSON text; a TypeError (or ValueError for NaN) for what JSON cannot hold, in every cache alike."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


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
