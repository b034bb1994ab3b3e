"""Inline-button callback data: opaque tokens that name server-side state.

Telegram echoes a button's data back verbatim and anyone can forge it, so the data carries no meaning:
it is a short random token, and what pressing it does (an action and its arguments) lives in the
SessionStore under that token, bound to the chat and the person it was shown to. Unknown, expired,
forged or malformed data resolves to None. A token issued with `once=True` acts at most once, however
often (or concurrently) it is pressed: the Deduplicator's `first_time` is atomic in every store.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from adapters.telegram.events import CALLBACK_DATA_LIMIT
from tarot_ports.dedup import Deduplicator
from tarot_ports.randomness import RandomSource
from tarot_ports.sessions import SessionStore

TOKEN_BYTES = 6  # token() gives hex: 12 characters, 48 bits, far under the 64-byte limit
_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,32}")
_KEY = "tg:cb:"
_USED = "tg-cb-used"


@frozen
class Action:
    token: str
    name: str
    args: Mapping[str, Any]


def parse_token(data: bytes) -> str | None:
    """The token in raw callback data, or None for anything we could not have issued."""
    if not data or len(data) > CALLBACK_DATA_LIMIT:
        return None
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return None
    return text if _TOKEN.fullmatch(text) else None


class CallbackRegistry:
    def __init__(
        self, sessions: SessionStore, dedup: Deduplicator, random: RandomSource, ttl_seconds: int
    ) -> None:
        self._sessions = sessions
        self._dedup = dedup
        self._random = random
        self._ttl = ttl_seconds

    async def issue(self, chat_id: int, user_id: int, name: str, *, once: bool = False, **args: Any) -> str:
        token = self._random.token(TOKEN_BYTES)
        state = {"c": chat_id, "u": user_id, "a": name, "o": once, "x": args}
        await self._sessions.save(_KEY + token, state, self._ttl)
        return token

    async def resolve(self, chat_id: int, user_id: int, data: bytes) -> Action | None:
        token = parse_token(data)
        if token is None:
            return None
        state = await self._sessions.load(_KEY + token)
        if state is None or state.get("c") != chat_id or state.get("u") != user_id:
            return None
        name, args = state.get("a"), state.get("x")
        if not isinstance(name, str) or not isinstance(args, dict):
            return None
        if state.get("o") and not await self._dedup.first_time(_USED, token, self._ttl):
            return None
        return Action(token, name, args)

    async def revoke(self, token: str) -> bool:
        """Spend a once-only token without acting (its "cancel" was pressed); False if already spent."""
        return await self._dedup.first_time(_USED, token, self._ttl)
