"""`tarot web`: the HTTP service. The adapter is `adapters/http` (API v1, webhooks, health, metrics);
this module only wires it: settings read, adapters opened (runners/assemble.py), served until a signal.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from attrs import evolve

from adapters.http import ListenError, WebDeps, serve
from runners.assemble import open_service, web_deps
from runners.config import Settings, WebSettings
from runners.service_logging import configure_service_logging
from runners.startup import check_open_files

logger = logging.getLogger("runners.web")


@contextlib.asynccontextmanager
async def open_web_deps(
    settings: Settings, web_settings: WebSettings | None = None, *, run_jobs: bool = False
) -> AsyncIterator[WebDeps]:
    """The real wiring (runners/container.py chooses every adapter from the settings); everything is
    closed when the block ends. `web_settings` overrides `settings.web` (tests)."""
    if web_settings is not None:
        settings = evolve(settings, web=web_settings)
    async with open_service(settings, run_jobs=run_jobs) as opened:
        yield await web_deps(opened)


def add_commands(subparsers: Any) -> None:
    parser = subparsers.add_parser("web", help="serve the JSON API, Stripe webhooks, health and metrics")
    parser.add_argument("--host", default=None, help="listen address (default TAROT_WEB_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="listen port (default TAROT_WEB_PORT or 8080)")
    parser.set_defaults(handler=web_command)


async def web_command(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    configure_service_logging(settings)
    check_open_files(settings)
    quiet_completions(settings)
    async with open_web_deps(settings, run_jobs=True) as deps:
        logger.info(
            "api clients %d, checkout %s, webhooks %s, readiness checks %s",
            deps.api_keys.clients(), deps.checkout_provider or "off",
            ", ".join(w.provider for w in deps.webhooks) or "none", ", ".join(deps.pings),
        )  # fmt: skip
        await serve_listening(
            deps, args.host or settings.web_host, settings.web_port if args.port is None else args.port
        )
    return 0


def quiet_completions(settings: Settings) -> None:
    """At INFO one line per request: the access line says a reading was served, so the use case's
    "reading completed" line is kept for DEBUG."""
    from runners.events import COMPLETIONS

    if settings.log_level not in ("TRACE", "DEBUG"):
        logging.getLogger(COMPLETIONS).setLevel(logging.WARNING)


async def serve_listening(deps: WebDeps, host: str, port: int, **options: Any) -> None:
    """`adapters.http.serve`, an address that cannot be listened on said in one line (exit 2)."""
    from runners.startup import StartupError, listen_problem

    try:
        await serve(deps, host, port, **options)
    except ListenError as error:
        raise StartupError(listen_problem(error.host, error.port, error.cause)) from None
