"""Per-chat dialog state for conversational frontends."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

JSONObject = Mapping[str, Any]


class SessionStore(Protocol):
    async def load(self, key: str) -> dict[str, Any] | None:
        """The stored state, refreshing its time to live; None when absent or expired.
        Raises DATABASE (retryable) when the store is unreachable."""
        ...

    async def save(self, key: str, state: JSONObject, ttl_seconds: int | None = None) -> None:
        """Store JSON-serialisable state with a time to live (the store's default when None). DATABASE."""
        ...

    async def delete(self, key: str) -> None:
        """DATABASE."""
        ...
