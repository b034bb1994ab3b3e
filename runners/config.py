"""Settings from environment variables, validated once at start.

With nothing set, everything runs on embedded defaults: a SQLite file store, in-process sessions,
limits and cache, the offline interpreter, payments off.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from attrs import frozen


class SettingsError(Exception):
    """One or more settings are invalid; each problem is one line of the message."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@frozen
class Settings:
    database_url: str | None = None
    redis_url: str | None = None
    openai_api_key: str | None = None
    openai_base_url: str = "https://api.openai.com/v1"
    openai_model: str = "gpt-4o-mini"
    welcome_credits: int = 20
    hold_ttl_seconds: int = 600
    log_level: str = "INFO"
    log_format: str = "text"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        source = os.environ if env is None else env
        problems: list[str] = []

        def text(name: str, default: str | None = None) -> str | None:
            value = source.get(name, "").strip()
            return value or default

        def integer(name: str, default: int, minimum: int = 0) -> int:
            raw = text(name)
            if raw is None:
                return default
            try:
                value = int(raw)
            except ValueError:
                problems.append(f"{name} must be an integer, got {raw!r}")
                return default
            if value < minimum:
                problems.append(f"{name} must be at least {minimum}, got {value}")
            return value

        log_format = text("LOG_FORMAT", "text") or "text"
        if log_format not in ("text", "json"):
            problems.append(f"LOG_FORMAT must be text or json, got {log_format!r}")
        settings = cls(
            database_url=text("DATABASE_URL"),
            redis_url=text("REDIS_URL"),
            openai_api_key=text("OPENAI_API_KEY"),
            openai_base_url=text("OPENAI_BASE_URL", cls.openai_base_url) or cls.openai_base_url,
            openai_model=text("OPENAI_MODEL", cls.openai_model) or cls.openai_model,
            welcome_credits=integer("WELCOME_CREDITS", 20),
            hold_ttl_seconds=integer("HOLD_TTL_SECONDS", 600, minimum=30),
            log_level=(text("LOG_LEVEL", "INFO") or "INFO").upper(),
            log_format=log_format,
        )
        if problems:
            raise SettingsError(problems)
        return settings
