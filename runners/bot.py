"""`tarot bot`: the Telegram bot on whatever the configuration selects.

With only `TELEGRAM_API_ID`, `TELEGRAM_API_HASH` and `TELEGRAM_BOT_TOKEN` set it runs on embedded
defaults: the SQLite file store, in-process sessions, rate limits and de-duplication, the offline
interpreter. `DATABASE_URL`, `REDIS_URL` and `OPENAI_API_KEY` switch in Postgres, Redis and the OpenAI
interpreter. `TELEGRAM_ADMIN_IDS` (comma-separated Telegram user ids) enables the admin commands.

Configuration is checked before anything touches the network: a missing or malformed setting is one
line on stderr and exit status 2. `tarot bot --check-config` stops right there with status 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
from collections.abc import AsyncIterator, Mapping
from typing import Any

from attrs import frozen

from adapters.memory.clock import SystemClock
from adapters.telegram.config import TelegramConfig, TelegramConfigError
from runners.config import Settings, SettingsError
from tarot_ports.cache import Cache
from tarot_ports.dedup import Deduplicator
from tarot_ports.interpreter import Interpreter
from tarot_ports.rate_limit import RateLimiter
from tarot_ports.sessions import SessionStore
from tarot_ports.storage import UnitOfWorkFactory


def add_commands(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bot", help="run the Telegram bot (needs TELEGRAM_API_ID, TELEGRAM_API_HASH, TELEGRAM_BOT_TOKEN)"
    )
    parser.add_argument(
        "--check-config", action="store_true", help="validate the configuration and exit without connecting"
    )
    parser.set_defaults(handler=bot)


@frozen(repr=False)
class BotSettings:
    telegram: TelegramConfig
    admin_ids: frozenset[int]
    openai: Any  # OpenAIConfig | None; typed loosely so a missing extra cannot break `--check-config`


def load_bot_settings(env: Mapping[str, str] | None = None) -> tuple[Settings, BotSettings]:
    """Every setting `tarot bot` reads, validated; raises SettingsError with one line per problem
    (the Telegram settings are reported as one line however many are wrong)."""
    source = os.environ if env is None else env
    try:
        telegram = TelegramConfig.from_env(source)
    except TelegramConfigError as error:
        raise SettingsError([str(error)]) from None
    settings = Settings.from_env(source)
    raw_admins = source.get("TELEGRAM_ADMIN_IDS", "").strip()
    try:
        admin_ids = frozenset(int(part) for part in raw_admins.replace(" ", "").split(",") if part)
    except ValueError:
        raise SettingsError(
            [f"TELEGRAM_ADMIN_IDS must be comma-separated Telegram user ids, got {raw_admins!r}"]
        ) from None
    from adapters.openai_http.config import OpenAIConfig

    try:
        openai = OpenAIConfig.from_env(source)
    except ValueError as error:
        raise SettingsError([str(error)]) from None
    return settings, BotSettings(telegram=telegram, admin_ids=admin_ids, openai=openai)


async def bot(args: argparse.Namespace) -> int:
    settings, bot_settings = load_bot_settings()
    if args.check_config:
        print(f"tarot bot: configuration ok ({describe(settings, bot_settings)})")
        return 0
    from runners.logs import configure_logging

    telegram = bot_settings.telegram
    configure_logging(
        settings.log_level,
        settings.log_format,
        secrets=(telegram.bot_token, telegram.api_hash, telegram.session_string, settings.openai_api_key),
    )
    async with open_runtime(settings, bot_settings) as runtime:
        await serve(runtime, telegram)
    return 0


def describe(settings: Settings, bot_settings: BotSettings) -> str:
    """Which adapters would run, without a secret in sight."""
    store = "postgres" if (settings.database_url or "").startswith("postgres") else "sqlite"
    state = "redis" if settings.redis_url else "in-process"
    interpreter = f"openai:{bot_settings.openai.model}" if bot_settings.openai else "offline"
    session = "string" if bot_settings.telegram.session_string else bot_settings.telegram.session_file
    return (
        f"bot id {bot_settings.telegram.bot_id}, store {store}, sessions {state}, interpreter {interpreter}, "
        f"telegram session {session}, admins {len(bot_settings.admin_ids)}"
    )


# ------------------------------------------------------------------ assembling the bot


@frozen
class Runtime:
    dialog: Any


@frozen
class StateStores:
    sessions: SessionStore
    rate_limiter: RateLimiter
    dedup: Deduplicator
    cache: Cache


@contextlib.asynccontextmanager
async def open_state(settings: Settings) -> AsyncIterator[StateStores]:
    """Redis when `REDIS_URL` is set, else in process (one bot process only)."""
    if settings.redis_url:
        from adapters.redis.cache import RedisCache
        from adapters.redis.client import create_redis
        from adapters.redis.dedup import RedisDeduplicator
        from adapters.redis.rate_limit import RedisRateLimiter
        from adapters.redis.sessions import RedisSessionStore

        redis = create_redis(settings.redis_url)
        try:
            yield StateStores(
                RedisSessionStore(redis), RedisRateLimiter(redis), RedisDeduplicator(redis), RedisCache(redis)
            )
        finally:
            await redis.aclose()
        return
    from adapters.memory.cache import MemoryCache
    from adapters.memory.dedup import MemoryDeduplicator
    from adapters.memory.rate_limit import MemoryRateLimiter
    from adapters.memory.sessions import MemorySessionStore

    clock = SystemClock()
    yield StateStores(
        MemorySessionStore(clock), MemoryRateLimiter(clock), MemoryDeduplicator(clock), MemoryCache()
    )


@contextlib.asynccontextmanager
async def open_interpreter(bot_settings: BotSettings, cache: Cache) -> AsyncIterator[Interpreter]:
    """The hook for the interpreter: OpenAI when configured, else the offline composer."""
    from adapters.offline.interpreter import OfflineInterpreter

    if bot_settings.openai is None:
        yield OfflineInterpreter()
        return
    from adapters.openai_http.interpreter import OpenAIInterpreter

    async with OpenAIInterpreter(bot_settings.openai, cache=cache) as interpreter:
        yield interpreter


@contextlib.asynccontextmanager
async def open_runtime(settings: Settings, bot_settings: BotSettings) -> AsyncIterator[Runtime]:
    from runners.stores import open_store

    async with (
        open_store(settings.database_url) as store,
        open_state(settings) as state,
        open_interpreter(bot_settings, state.cache) as interpreter,
    ):
        yield Runtime(dialog=build_dialog(settings, bot_settings, store.uow_factory, state, interpreter))


def build_dialog(
    settings: Settings,
    bot_settings: BotSettings,
    uow_factory: UnitOfWorkFactory,
    state: StateStores,
    interpreter: Interpreter,
) -> Any:
    """The use cases (as runners/container.py builds them, over this store and interpreter) and the
    dialog on top. The one place that knows the Dialog's constructor."""
    from dependency_injector import providers

    from adapters.offline.interpreter import OfflineInterpreter
    from adapters.telegram.dialog import Dialog, DialogConfig
    from runners.container import in_process
    from tarot_domain.use_cases.payments import PaymentService

    container = in_process(settings)
    container.gateways.uow_factory.override(providers.Object(uow_factory))
    container.gateways.interpreter.override(providers.Object(interpreter))
    container.gateways.fallback.override(providers.Object(OfflineInterpreter()))
    use_cases = container.use_cases
    services = use_cases.services()
    return Dialog(
        users=use_cases.users(),
        readings=use_cases.readings(),
        credits=use_cases.credits(),
        payments=PaymentService(services),
        sessions=state.sessions,
        rate_limiter=state.rate_limiter,
        dedup=state.dedup,
        clock=services.clock,
        catalog=services.catalog,
        config=DialogConfig(admin_ids=bot_settings.admin_ids),
        uow=uow_factory,
    )


async def serve(runtime: Runtime, telegram: TelegramConfig) -> None:
    """Connect, log in and handle updates until SIGINT/SIGTERM."""
    from adapters.telegram.binding import TelegramBot, create_client

    client = create_client(telegram)
    telegram_bot = TelegramBot(client, runtime.dialog)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on every platform
            loop.add_signal_handler(signum, lambda: asyncio.ensure_future(client.disconnect()))
    try:
        await telegram_bot.run(telegram.bot_token)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signum)
