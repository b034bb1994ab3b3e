"""Per-chat dialog state in process, with the Redis store's time-to-live rules."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from adapters.system.clock import SystemClock
from tarot_ports.clock import Clock
from tarot_ports.sessions import DEFAULT_SESSION_TTL, JSONObject, check_ttl, encode_state


class MemorySessionStore:
    """`SessionStore` in process. States are kept as JSON text, so a loaded state is a fresh copy and
    anything Redis could not store fails here too."""

    def __init__(self, clock: Clock | None = None, *, default_ttl: int = DEFAULT_SESSION_TTL) -> None:
        self._clock = clock or SystemClock()
        self._default_ttl = check_ttl(default_ttl)
        self._entries: dict[str, tuple[datetime, int, str]] = {}
        self._sweep_at = 1024

    async def load(self, key: str) -> dict[str, Any] | None:
        entry = self._entries.get(key)
        now = self._clock.now()
        if entry is None:
            return None
        expires_at, ttl, text = entry
        if now >= expires_at:
            del self._entries[key]
            return None
        self._entries[key] = (now + timedelta(seconds=ttl), ttl, text)
        state: dict[str, Any] = json.loads(text)
        return state

    async def save(self, key: str, state: JSONObject, ttl_seconds: int | None = None) -> None:
        ttl = self._default_ttl if ttl_seconds is None else check_ttl(ttl_seconds)
        text = encode_state(state)
        now = self._clock.now()
        self._entries[key] = (now + timedelta(seconds=ttl), ttl, text)
        if len(self._entries) >= self._sweep_at:
            # Drop expired sessions now and then, so abandoned chats do not pile up (Redis expires them).
            self._entries = {k: e for k, e in self._entries.items() if e[0] > now}
            self._sweep_at = max(1024, 2 * len(self._entries))

    async def delete(self, key: str) -> None:
        self._entries.pop(key, None)
