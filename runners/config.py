"""Settings: one typed object read from environment variables (and an optional `.env` file),
validated once at start with one clear line per problem.

With nothing set, everything runs on embedded defaults: a SQLite file store, in-process sessions,
limits and cache, the offline interpreter, payments off. Each real adapter is switched on by its
variables (`DATABASE_URL`, `REDIS_URL`, `OPENAI_API_KEY`, `STRIPE_SECRET_KEY` + `STRIPE_WEBHOOK_SECRET`,
`TELEGRAM_API_ID` + `TELEGRAM_API_HASH` + `TELEGRAM_BOT_TOKEN`). `VARIABLES` documents every one; a test
keeps it, README.md and `.env.example` in step.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from adapters.http.auth import ApiKeys
from adapters.openai_http.config import OpenAIConfig
from adapters.telegram.config import TelegramConfig, TelegramConfigError
from runners.fair_limits import effective_limits, read_limits
from runners.helplines import HelplinesFileError, describe, load_helplines
from runners.masking import MASK, credential_values, mask_credentials, secret_values
from runners.variables import VARIABLES
from tarot_domain.model.safety import Helplines, shipped_helplines
from tarot_domain.use_cases.admission import DEFAULT_IN_FLIGHT
from tarot_ports.rate_limit import RateLimits


class SettingsError(Exception):
    """One or more settings are invalid; each problem is one line of the message."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_dotenv(path: Path) -> dict[str, str]:
    """`KEY=value` lines; `#` comments, `export ` prefixes and matching quotes allowed. Missing file: {}."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").strip()
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise SettingsError([f"{path}:{number}: expected KEY=value"])
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key] = value
    return values


def environment(env: Mapping[str, str] | None = None, dotenv: Path | None = None) -> dict[str, str]:
    """The process environment over the `.env` file (real variables win, as in every 12-factor tool)."""
    merged = read_dotenv(dotenv if dotenv is not None else Path(os.environ.get("TAROT_ENV_FILE", ".env")))
    merged.update(os.environ if env is None else env)
    return merged


def content_dirs(env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Extra language-pack folders from `TAROT_CONTENT_PATH` (`os.pathsep`-separated), each checked."""
    raw = (environment() if env is None else env).get("TAROT_CONTENT_PATH", "")
    dirs = tuple(part for part in raw.split(os.pathsep) if part.strip())
    missing = [part for part in dirs if not Path(part).is_dir()]
    if missing:
        raise SettingsError([f"TAROT_CONTENT_PATH: {part!r} is not a folder" for part in missing])
    return dirs


@frozen
class WebSettings:
    """What `tarot web` reads beyond `Settings` (see `from_env`)."""

    api_keys: ApiKeys = field(factory=ApiKeys)
    stripe_secret_key: str | None = field(default=None, repr=False)
    stripe_webhook_secrets: tuple[str, ...] = field(default=(), repr=False)
    stripe_api_base: str | None = None
    success_url: str | None = None
    cancel_url: str | None = None
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> WebSettings:
        """`TAROT_API_KEYS` and `TAROT_API_ADMIN_KEYS`; `TAROT_CORS_ORIGINS` (the operator's own browser
        origins); `STRIPE_SECRET_KEY` with `STRIPE_WEBHOOK_SECRET` (and optionally
        `STRIPE_WEBHOOK_SECRET_PREVIOUS` while rotating) switch Stripe on; `STRIPE_API_BASE` points at
        another server (a local fake); `STRIPE_SUCCESS_URL` / `STRIPE_CANCEL_URL`, or `TAROT_PUBLIC_URL`
        for both, are where Checkout sends the customer back."""
        source = os.environ if env is None else env
        problems: list[str] = []

        def text(name: str) -> str | None:
            value = source.get(name, "").strip()
            return value or None

        try:
            keys = ApiKeys.parse(text("TAROT_API_KEYS") or "")
            keys += ApiKeys.parse(text("TAROT_API_ADMIN_KEYS") or "", admin=True)
        except ValueError as error:
            problems.append(str(error))
            keys = ApiKeys()
        listed = (text("TAROT_CORS_ORIGINS") or "").split(",")
        origins = tuple(o.strip().rstrip("/") for o in listed if o.strip())
        for origin in origins:
            if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", origin):
                problems.append(f"TAROT_CORS_ORIGINS: {origin!r} is not an origin like https://app.example.com")
        secret, hook = text("STRIPE_SECRET_KEY"), text("STRIPE_WEBHOOK_SECRET")
        if bool(secret) != bool(hook):
            problems.append("Stripe needs both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET")
        public = text("TAROT_PUBLIC_URL")
        success = text("STRIPE_SUCCESS_URL") or (f"{public.rstrip('/')}/paid" if public else None)
        cancel = text("STRIPE_CANCEL_URL") or (f"{public.rstrip('/')}/cancelled" if public else None)
        if secret and not (success and cancel):
            problems.append(
                "STRIPE_SECRET_KEY is set, so Stripe needs STRIPE_SUCCESS_URL and STRIPE_CANCEL_URL"
                " (or TAROT_PUBLIC_URL)"
            )
        for name, url in (("STRIPE_SUCCESS_URL", success), ("STRIPE_CANCEL_URL", cancel)):
            if url and not url.startswith(("https://", "http://")):
                source_name = name if text(name) else "TAROT_PUBLIC_URL"
                problems.append(f"{source_name} must be an http(s) URL, got {url!r}")
        if problems:
            raise SettingsError(problems)
        secrets = tuple(s for s in (hook, text("STRIPE_WEBHOOK_SECRET_PREVIOUS")) if s)
        return cls(keys, secret, secrets if secret else (), text("STRIPE_API_BASE"), success, cancel, origins)


@frozen(repr=False)
class Settings:
    database_url: str | None = field(default=None)
    redis_url: str | None = field(default=None)
    database_pool_size: int = 10
    in_flight_limit: int = DEFAULT_IN_FLIGHT
    openai: OpenAIConfig | None = None
    telegram: TelegramConfig | None = None
    telegram_problem: str | None = None  # why `telegram` is None although some TELEGRAM_* was set
    telegram_admin_ids: frozenset[int] = frozenset()
    telegram_stars: bool = True
    telegram_checkout_links: bool = False
    web: WebSettings = field(factory=WebSettings)
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    welcome_credits: int = 20
    daily_free_card: bool = True
    follow_up_cost: int = 2
    hold_ttl_seconds: int = 600
    retention_days: int = 365
    jobs: bool = True
    limits: RateLimits = field(factory=RateLimits)
    log_level: str = "INFO"
    log_format: str = "text"
    helplines: Helplines = field(factory=shipped_helplines)
    helplines_file: str | None = None  # SAFETY_HELPLINES_FILE, when the operator's file is in force
    env_secrets: tuple[str, ...] = field(default=(), repr=False)  # masking.secret_values of the source

    @property
    def openai_api_key(self) -> str | None:
        return self.openai.api_key if self.openai else None

    @property
    def stripe_on(self) -> bool:
        return self.web.stripe_secret_key is not None

    def secrets(self) -> list[str]:
        """Every secret value, for the log scrubber."""
        values: list[str | None] = [
            self.openai_api_key,
            self.web.stripe_secret_key,
            *self.web.stripe_webhook_secrets,
        ]
        if self.telegram is not None:
            values += [self.telegram.api_hash, self.telegram.bot_token, self.telegram.session_string]
        for url in (self.database_url, self.redis_url, self.openai.base_url if self.openai else None):
            values += credential_values(url or "")
        return list(dict.fromkeys([*(v for v in values if v), *self.env_secrets]))

    def __repr__(self) -> str:
        store, redis = _redact(self.database_url) or "sqlite", _redact(self.redis_url) or "off"
        return f"Settings(store={store}, redis={redis})"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        """Read and validate everything; raises SettingsError listing every problem, one per line."""
        source = environment(env, dotenv) if env is None or dotenv is not None else dict(env)
        problems: list[str] = []
        read = _Reader(source, problems)

        openai: OpenAIConfig | None = None
        try:
            openai = OpenAIConfig.from_env(source)
        except ValueError as error:
            problems.append(str(error))
        telegram: TelegramConfig | None = None
        telegram_problem: str | None = None
        if any(
            source.get(name, "").strip()
            for name in ("TELEGRAM_API_ID", "TELEGRAM_API_HASH", "TELEGRAM_BOT_TOKEN")
        ):
            try:
                telegram = TelegramConfig.from_env(source)
            except TelegramConfigError as error:
                telegram_problem = str(error)
        web = WebSettings()
        try:
            web = WebSettings.from_env(source)
        except SettingsError as error:
            problems.extend(error.problems)
        raw_admins = read.text("TELEGRAM_ADMIN_IDS") or ""
        try:
            admins = frozenset(int(part) for part in raw_admins.replace(" ", "").split(",") if part)
        except ValueError:
            problems.append(
                f"TELEGRAM_ADMIN_IDS must be comma-separated Telegram user ids, got {raw_admins!r}"
            )
            admins = frozenset()
        database_url = read.text("DATABASE_URL")
        if database_url and not database_url.startswith(("postgresql://", "postgres://", "sqlite:///")):
            problems.append("DATABASE_URL must start with postgresql://, postgres:// or sqlite:///")
        redis_url = read.text("REDIS_URL")
        if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
            problems.append("REDIS_URL must start with redis://, rediss:// or unix://")
        log_format = (read.text("LOG_FORMAT") or "text").lower()
        if log_format not in ("text", "json"):
            problems.append(f"LOG_FORMAT must be text or json, got {log_format!r}")
        helplines_file = read.text("SAFETY_HELPLINES_FILE")
        helplines = shipped_helplines()
        if helplines_file:
            try:
                helplines = load_helplines(helplines_file)
            except HelplinesFileError as error:
                problems.append(f"SAFETY_HELPLINES_FILE {error}")
        log_level = (read.text("LOG_LEVEL") or "INFO").upper()
        if log_level not in ("TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"):
            problems.append(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}")
        settings = cls(
            database_url=database_url,
            redis_url=redis_url,
            database_pool_size=read.integer("DATABASE_POOL_SIZE", 10, 1, 200),
            in_flight_limit=read.integer("TAROT_MAX_IN_FLIGHT", DEFAULT_IN_FLIGHT, 1, 1_000_000),
            openai=openai,
            telegram=telegram,
            telegram_problem=telegram_problem,
            telegram_admin_ids=admins,
            telegram_stars=read.flag("TELEGRAM_STARS", True),
            telegram_checkout_links=read.flag("TELEGRAM_CHECKOUT_LINKS", False),
            web=web,
            web_host=read.text("TAROT_WEB_HOST") or "127.0.0.1",
            web_port=read.integer("TAROT_WEB_PORT", 8080, 0, 65535),
            welcome_credits=read.integer("WELCOME_CREDITS", 20, 0, 100_000),
            daily_free_card=read.flag("DAILY_FREE_CARD", True),
            follow_up_cost=read.integer("FOLLOW_UP_COST", 2, 0, 100_000),
            hold_ttl_seconds=read.integer("HOLD_TTL_SECONDS", 600, 30, 86_400),
            retention_days=read.integer("RETENTION_DAYS", 365, 1, 36_500),
            jobs=read.flag("JOBS", True),
            limits=read_limits(read.integer),
            log_level=log_level,
            log_format=log_format,
            helplines=helplines,
            helplines_file=helplines_file,
            env_secrets=tuple(secret_values(source)),
        )
        if problems:
            raise SettingsError(problems)
        return settings

    def effective(self) -> list[tuple[str, str]]:
        """The variables these settings hold, each with the value in force (the documented default when
        unset), secrets masked. `tarot config` adds the few that only the environment holds."""
        openai = self.openai
        values: dict[str, Any] = {
            "DATABASE_URL": _redact(self.database_url),
            "DATABASE_POOL_SIZE": self.database_pool_size,
            "TAROT_MAX_IN_FLIGHT": self.in_flight_limit,
            "REDIS_URL": _redact(self.redis_url),
            "OPENAI_API_KEY": MASK if self.openai_api_key else None,
            "OPENAI_BASE_URL": _redact(openai.base_url) if openai else None,
            "OPENAI_MODEL": openai.model if openai else None,
            "OPENAI_TIMEOUT_SECONDS": openai.read_timeout if openai else None,
            "OPENAI_MAX_OUTPUT_TOKENS": openai.max_output_tokens if openai else None,
            "OPENAI_TEMPERATURE": openai.temperature if openai else None,
            "OPENAI_MAX_RETRIES": openai.max_retries if openai else None,
            "OPENAI_MAX_CONNECTIONS": openai.max_connections if openai else None,
            "OPENAI_REQUESTS_PER_SECOND": f"{openai.requests_per_second:g}" if openai else None,
            "TELEGRAM_API_ID": self.telegram.api_id if self.telegram else None,
            "TELEGRAM_API_HASH": MASK if self.telegram else None,
            "TELEGRAM_BOT_TOKEN": MASK if self.telegram else None,
            "TELEGRAM_SESSION": (
                self.telegram.session_file if self.telegram and not self.telegram.session_string else None
            ),
            "TELEGRAM_SESSION_STRING": MASK if self.telegram and self.telegram.session_string else None,
            "TELEGRAM_ADMIN_IDS": ",".join(str(i) for i in sorted(self.telegram_admin_ids)) or None,
            "TELEGRAM_STARS": _on(self.telegram_stars),
            "TELEGRAM_CHECKOUT_LINKS": _on(self.telegram_checkout_links),
            "STRIPE_SECRET_KEY": MASK if self.web.stripe_secret_key else None,
            "STRIPE_WEBHOOK_SECRET": MASK if self.web.stripe_webhook_secrets else None,
            "STRIPE_WEBHOOK_SECRET_PREVIOUS": MASK if len(self.web.stripe_webhook_secrets) > 1 else None,
            "STRIPE_API_BASE": _redact(self.web.stripe_api_base),
            "STRIPE_SUCCESS_URL": _redact(self.web.success_url),
            "STRIPE_CANCEL_URL": _redact(self.web.cancel_url),
            "TAROT_API_KEYS": f"{self.web.api_keys.clients()} client(s)" if len(self.web.api_keys) else None,
            "TAROT_API_ADMIN_KEYS": MASK if self.web.api_keys.admins() else None,
            "TAROT_CORS_ORIGINS": ",".join(self.web.cors_origins) or None,
            "TAROT_WEB_HOST": self.web_host,
            "TAROT_WEB_PORT": self.web_port,
            "WELCOME_CREDITS": self.welcome_credits,
            "DAILY_FREE_CARD": _on(self.daily_free_card),
            "FOLLOW_UP_COST": self.follow_up_cost,
            "HOLD_TTL_SECONDS": self.hold_ttl_seconds,
            "RETENTION_DAYS": self.retention_days,
            "JOBS": _on(self.jobs),
            "SAFETY_HELPLINES_FILE": self.helplines_file,
            **effective_limits(self.limits),
            "LOG_LEVEL": self.log_level,
            "LOG_FORMAT": self.log_format,
        }
        defaults = {v.name: v.default.replace("`", "") for v in VARIABLES}
        return [(name, defaults[name] if value is None else str(value)) for name, value in values.items()]

    def adapters(self) -> dict[str, str]:
        """Which adapter each port gets, as `tarot config` and start-up logs show it."""
        store = "postgres" if (self.database_url or "").startswith("postgres") else "sqlite"
        return {
            "store": store,
            "sessions/limits/cache": "redis" if self.redis_url else "in-process",
            "interpreter": f"openai:{self.openai.model}" if self.openai else "offline",
            "payments": "+".join(
                p for p, on in (("stars", self.telegram_stars), ("stripe", self.stripe_on)) if on
            )
            or "off",
            "telegram": "configured" if self.telegram else (self.telegram_problem or "not configured"),
        }

    def helplines_in_force(self) -> str:
        """Which crisis helplines the service gives (shipped, or the operator's file), and their date."""
        return describe(self.helplines, self.helplines_file)


class _Reader:
    def __init__(self, source: Mapping[str, str], problems: list[str]) -> None:
        self._source = source
        self._problems = problems

    def text(self, name: str) -> str | None:
        value = self._source.get(name, "").strip()
        return value or None

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            self._problems.append(f"{name} must be an integer, got {raw!r}")
            return default
        if not low <= value <= high:
            self._problems.append(f"{name} must be between {low} and {high}, got {value}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        raw = (self.text(name) or "").lower()
        if not raw:
            return default
        if raw in ("1", "on", "true", "yes"):
            return True
        if raw in ("0", "off", "false", "no"):
            return False
        self._problems.append(f"{name} must be on or off, got {raw!r}")
        return default


def _on(value: bool) -> str:
    return "on" if value else "off"


def _redact(url: str | None) -> str | None:
    return None if url is None else mask_credentials(url)


LoadSettings = Callable[[], Settings]
