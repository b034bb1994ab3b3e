"""Settings for logging in to Telegram as a bot, and how to read them from the environment.

- `TELEGRAM_API_ID`, `TELEGRAM_API_HASH`: the application's credentials from my.telegram.org.
- `TELEGRAM_BOT_TOKEN`: the bot's token from @BotFather.
- `TELEGRAM_SESSION_STRING`: a Telethon StringSession (for containers without a writable disk), or
- `TELEGRAM_SESSION`: the session file's path (default `tarot-bot.session` in the working directory);
  keeping the session saves logging in again, which Telegram rate-limits, on every start.

The token, hash and session string are secrets: they never appear in a repr, a log or an error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from attrs import frozen

DEFAULT_SESSION_FILE = "tarot-bot.session"
REQUIRED = ("TELEGRAM_API_ID", "TELEGRAM_API_HASH", "TELEGRAM_BOT_TOKEN")

_API_HASH = re.compile(r"[0-9a-fA-F]{32}")
_BOT_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{30,}")


class TelegramConfigError(ValueError):
    """The Telegram settings are missing or malformed; the message is one line naming the variable."""


@frozen(repr=False)
class TelegramConfig:
    api_id: int
    api_hash: str
    bot_token: str
    session_file: str = DEFAULT_SESSION_FILE
    session_string: str | None = None

    @property
    def bot_id(self) -> int:
        return int(self.bot_token.split(":", 1)[0])

    def __repr__(self) -> str:
        session = "string:'***'" if self.session_string else repr(self.session_file)
        return f"TelegramConfig(api_id={self.api_id}, api_hash='***', bot_token='***', session={session})"

    __str__ = __repr__

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TelegramConfig:
        """Raises TelegramConfigError with a one-line message; never echoes a secret."""
        source = os.environ if env is None else env

        def get(name: str) -> str:
            return source.get(name, "").strip()

        # What is set is checked before what is missing, so a malformed value is never hidden behind
        # "X must be set" (and `tarot config` can name it).
        raw_id = get("TELEGRAM_API_ID")
        api_id = 0
        if raw_id:
            try:
                api_id = int(raw_id)
            except ValueError:
                raise TelegramConfigError(f"TELEGRAM_API_ID must be an integer, got {raw_id!r}") from None
            if api_id <= 0:
                raise TelegramConfigError(f"TELEGRAM_API_ID must be a positive integer, got {api_id}")
        api_hash = get("TELEGRAM_API_HASH")
        if api_hash and not _API_HASH.fullmatch(api_hash):
            raise TelegramConfigError("TELEGRAM_API_HASH must be 32 hexadecimal characters")
        token = get("TELEGRAM_BOT_TOKEN")
        if token and not _BOT_TOKEN.fullmatch(token):
            raise TelegramConfigError(
                "TELEGRAM_BOT_TOKEN must look like 123456789:AA… (the token from @BotFather)"
            )
        missing = [name for name in REQUIRED if not get(name)]
        if missing:
            raise TelegramConfigError(
                f"{_join(missing)} must be set to run the Telegram bot (from my.telegram.org and @BotFather)"
            )
        session_string = get("TELEGRAM_SESSION_STRING") or None
        if session_string is not None and not _valid_session_string(session_string):
            raise TelegramConfigError("TELEGRAM_SESSION_STRING is not a valid Telethon StringSession")
        return cls(
            api_id=api_id,
            api_hash=api_hash,
            bot_token=token,
            session_file=get("TELEGRAM_SESSION") or DEFAULT_SESSION_FILE,
            session_string=session_string,
        )


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _valid_session_string(value: str) -> bool:
    from telethon.sessions import StringSession  # type: ignore[import-untyped]

    try:
        StringSession(value)  # decodes only: no file, no network
    except Exception:  # telethon raises ValueError, binascii.Error or struct.error for a bad string
        return False
    return True
