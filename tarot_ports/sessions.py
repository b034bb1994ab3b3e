"""Per-chat dialog state for conversational frontends."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol

JSONObject = Mapping[str, Any]

DEFAULT_SESSION_TTL = 3600


def encode_state(state: JSONObject) -> str:
    """JSON text of a state; a TypeError for values JSON cannot hold, in every store alike."""
    return json.dumps(dict(state), separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def check_ttl(ttl_seconds: int) -> int:
    if isinstance(ttl_seconds, bool) or not isinstance(ttl_seconds, int) or ttl_seconds < 1:
        raise ValueError(f"ttl_seconds must be a whole number of seconds >= 1, got {ttl_seconds!r}")
    return ttl_seconds


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
