"""`tarot serve` (the bot and the web service in one process, sharing one container) and `tarot config`
(the effective configuration, secrets masked)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from typing import Any

from runners.cli import print_json
from runners.config import Settings, SettingsError, environment
from runners.variables import VARIABLES

logger = logging.getLogger("runners.serve")


def add_commands(subparsers: Any) -> None:
    config = subparsers.add_parser("config", help="print the effective configuration (secrets masked)")
    config.add_argument("--json", action="store_true", help="print JSON")
    config.set_defaults(handler=show_config)

    serve = subparsers.add_parser("serve", help="run the web service and, when configured, the Telegram bot")
    serve.add_argument("--host", default=None, help="listen address (default TAROT_WEB_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="listen port (default TAROT_WEB_PORT or 8080)")
    serve.add_argument("--no-bot", action="store_true", help="serve the web service only")
    serve.set_defaults(handler=serve_all)


async def show_config(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    source = environment()
    prefixes = ("TAROT_", "TELEGRAM_", "STRIPE_", "OPENAI_", "SAFETY_")
    unknown = sorted(k for k in source if k.startswith(prefixes))
    unknown = [k for k in unknown if k not in {v.name for v in VARIABLES}]
    effective = dict(settings.effective())
    if args.json:
        print_json(
            {
                "variables": effective,
                "adapters": settings.adapters(),
                "helplines": settings.helplines_in_force(),
                "unknown": unknown,
            }
        )
        return 0
    width = max(len(name) for name in effective)
    for name, value in effective.items():
        print(f"{name:<{width}}  {value}")
    print()
    for port, adapter in settings.adapters().items():
        print(f"{port}: {adapter}")
    print(f"crisis helplines: {settings.helplines_in_force()}")
    for name in unknown:
        print(f"warning: {name} is set but not a setting of this service (a typo?)")
    return 0


async def serve_all(args: argparse.Namespace) -> int:
    """One container, one set of pools: the web app always, the bot when Telegram is configured."""
    from adapters.http import serve
    from runners.assemble import dialog, open_service, web_deps
    from runners.service_logging import configure_service_logging

    settings = Settings.from_env()
    run_bot = settings.telegram is not None and not args.no_bot
    if settings.telegram_problem and not args.no_bot:
        raise SettingsError([settings.telegram_problem])
    configure_service_logging(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    async with open_service(settings, run_jobs=True) as opened:
        tasks = [
            asyncio.create_task(
                serve(
                    await web_deps(opened),
                    args.host or settings.web_host,
                    settings.web_port if args.port is None else args.port,
                    stop=stop,
                ),
                name="web",
            )
        ]
        if run_bot:
            assert settings.telegram is not None
            tasks.append(asyncio.create_task(_run_bot(await dialog(opened), settings, stop), name="bot"))
        logger.info("serving %s", ", ".join(t.get_name() for t in tasks))
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 30)
        for task in done:
            task.result()  # re-raise a crash of either half
    return 0


async def _run_bot(dialog: Any, settings: Settings, stop: asyncio.Event) -> None:
    from adapters.telegram.binding import TelegramBot, create_client

    assert settings.telegram is not None
    client = create_client(settings.telegram)
    telegram_bot = TelegramBot(client, dialog, menus=dialog.command_menus())
    runner = asyncio.create_task(telegram_bot.run(settings.telegram.bot_token))
    waiter = asyncio.create_task(stop.wait())
    await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
    if not runner.done():
        await client.disconnect()
    waiter.cancel()
    await runner
