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
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

from attrs import frozen

from adapters.telegram.config import TelegramConfig, TelegramConfigError
from runners.config import Settings, SettingsError, environment
from runners.startup import StartupError


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


def load_bot_settings(env: Mapping[str, str] | None = None) -> tuple[Settings, BotSettings]:
    """Every setting `tarot bot` reads, validated; raises SettingsError with one line per problem.
    The Telegram variables are required here (elsewhere they are optional)."""
    source = environment() if env is None else dict(env)  # .env included, like every command
    try:
        telegram = TelegramConfig.from_env(source)
    except TelegramConfigError as error:
        raise SettingsError([str(error)]) from None
    settings = Settings.from_env(source)
    return settings, BotSettings(telegram=telegram, admin_ids=settings.telegram_admin_ids)


async def bot(args: argparse.Namespace) -> int:
    settings, bot_settings = load_bot_settings()
    if args.check_config:
        print(f"tarot bot: configuration ok ({describe(settings, bot_settings)})")
        return 0
    from runners.service_logging import configure_service_logging
    from runners.startup import check_open_files

    configure_service_logging(settings)
    check_open_files(settings)
    async with open_runtime(settings, bot_settings, run_jobs=True) as runtime:
        await serve(runtime, bot_settings.telegram)
    return 0


def describe(settings: Settings, bot_settings: BotSettings) -> str:
    """Which adapters would run, without a secret in sight."""
    chosen = settings.adapters()
    session = "string" if bot_settings.telegram.session_string else bot_settings.telegram.session_file
    return (
        f"bot id {bot_settings.telegram.bot_id}, store {chosen['store']}, "
        f"sessions {chosen['sessions/limits/cache']}, interpreter {chosen['interpreter']}, "
        f"telegram session {session}, admins {len(bot_settings.admin_ids)}"
    )


@frozen
class Runtime:
    dialog: Any
    opened: Any = None


@contextlib.asynccontextmanager
async def open_runtime(
    settings: Settings, bot_settings: BotSettings, *, run_jobs: bool = False
) -> AsyncIterator[Runtime]:
    """The dialog over the adapters the settings choose (runners/container.py), closed on exit."""
    from runners.assemble import dialog, open_service

    async with open_service(settings, run_jobs=run_jobs) as opened:
        yield Runtime(dialog=await dialog(opened), opened=opened if run_jobs else None)


class BotJobs:
    """The bot's own jobs (runners/stars_jobs.py), started once it is logged in, stopped with it."""

    def __init__(self, opened: Any, dialog: Any, outbox: Any, client: Any) -> None:
        self._args = (opened, dialog, outbox, client)
        self._runner: Any = None

    async def start(self) -> None:
        from runners.stars_jobs import bot_job_runner

        opened, dialog, outbox, client = self._args
        if opened is None or self._runner is not None:
            return
        self._runner = await bot_job_runner(opened, dialog, outbox, client)
        if self._runner is not None:
            self._runner.start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.stop()
            self._runner = None


async def run_logged_in(
    telegram_bot: Any, bot_token: str, on_ready: Callable[[], Awaitable[object]] | None = None
) -> None:
    """`TelegramBot.run` (with its `on_ready` hook), with Telegram out of reach or refusing the token as
    a StartupError."""
    from telethon.errors import RPCError  # type: ignore[import-untyped]

    try:
        await telegram_bot.run(bot_token, on_ready=on_ready)
    except RPCError as error:  # an invalid or revoked token, a banned bot: Telegram says which
        raise StartupError(f"Telegram refused to log the bot in: {error}") from None
    except (ConnectionError, TimeoutError) as error:
        raise StartupError(f"cannot reach Telegram: {error}") from None


async def serve(runtime: Runtime, telegram: TelegramConfig) -> None:
    """Connect, log in and handle updates until SIGINT/SIGTERM."""
    from adapters.telegram.binding import TelegramBot, create_client

    client = create_client(telegram)
    telegram_bot = TelegramBot(client, runtime.dialog, menus=runtime.dialog.command_menus())
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on every platform
            loop.add_signal_handler(signum, lambda: asyncio.ensure_future(client.disconnect()))
    jobs = BotJobs(runtime.opened, runtime.dialog, telegram_bot.outbox, client)
    try:
        await run_logged_in(telegram_bot, telegram.bot_token, on_ready=jobs.start)
    finally:
        await jobs.stop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signum)
