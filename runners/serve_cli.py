"""`tarot serve` (the bot and the web service in one process, sharing one container) and `tarot config`
(the effective configuration, secrets masked)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
import sys
from typing import Any

from runners.config import Settings, SettingsError, environment

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
    """Every documented variable with its value in force (`(default)` when unset), secrets masked;
    each malformed one is named in the table and on stderr, and the exit status is 2."""
    from runners.config_report import build_report
    from runners.logs import Scrubber
    from runners.masking import secret_values

    source = environment()
    report = build_report(source)
    scrub = Scrubber(secret_values(source))  # a last guard: nothing printed here carries a secret
    if args.json:
        rows = {
            row.name: {"value": row.value, "default": row.default, "problem": row.problem}
            for row in report.rows
        }
        text = json.dumps(
            {
                "variables": rows,
                "adapters": dict(report.adapters),
                "helplines": report.helplines,
                "problems": list(report.problems),
                "unknown": list(report.unknown),
            },
            ensure_ascii=False,
            indent=2,
        )
        print(scrub(text))
    else:
        width = max(len(row.name) for row in report.rows)
        for row in report.rows:
            note = f"  INVALID: {row.problem}" if row.problem else "  (default)" if row.default else ""
            print(scrub(f"{row.name:<{width}}  {row.value}{note}"))
        print()
        for port, adapter in report.adapters.items():
            print(scrub(f"{port}: {adapter}"))
        print(scrub(f"crisis helplines: {report.helplines}"))
        for name in report.unknown:
            print(f"warning: {name} is set but not a setting of this service (a typo?)")
    for problem in report.problems:
        print(scrub(f"tarot: configuration: {problem}"), file=sys.stderr)
    return 0 if report.ok else 2


async def serve_all(args: argparse.Namespace) -> int:
    """One container, one set of pools: the web app always, the bot when Telegram is configured."""
    from runners.assemble import dialog, open_service, web_deps
    from runners.service_logging import configure_service_logging
    from runners.startup import check_open_files
    from runners.web import serve_listening

    settings = Settings.from_env()
    run_bot = settings.telegram is not None and not args.no_bot
    if settings.telegram_problem and not args.no_bot:
        raise SettingsError([settings.telegram_problem])
    configure_service_logging(settings)
    check_open_files(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    async with open_service(settings, run_jobs=True) as opened:
        tasks = [
            asyncio.create_task(
                serve_listening(
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
            bot = _run_bot(opened, await dialog(opened), settings, stop)
            tasks.append(asyncio.create_task(bot, name="bot"))
        logger.info("serving %s", ", ".join(t.get_name() for t in tasks))
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 30)
        for task in done:
            task.result()  # re-raise a crash of either half
    return 0


async def _run_bot(opened: Any, dialog: Any, settings: Settings, stop: asyncio.Event) -> None:
    from adapters.telegram.binding import TelegramBot, create_client
    from runners.bot import BotJobs, run_logged_in

    assert settings.telegram is not None
    client = create_client(settings.telegram)
    telegram_bot = TelegramBot(client, dialog, menus=dialog.command_menus())
    jobs = BotJobs(opened, dialog, telegram_bot.outbox, client)
    runner = asyncio.create_task(
        run_logged_in(telegram_bot, settings.telegram.bot_token, on_ready=jobs.start)
    )
    waiter = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if not runner.done():
            await client.disconnect()
        waiter.cancel()
        await runner
    finally:
        await jobs.stop()
