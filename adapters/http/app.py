"""The aiohttp application: API v1 (adapters/http/openapi.py's operations), the payment webhooks, the
operators' endpoints, and `serve` with a graceful shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable

from aiohttp import web

from adapters.http import middlewares, ops, webhooks
from adapters.http.deps import WebDeps
from adapters.http.middlewares import DEPS
from adapters.http.openapi import operations

logger = logging.getLogger("adapters.http")



class ListenError(OSError):
    """The address cannot be listened on (a busy port, a host that does not resolve); the runner says
    why in one line."""

    def __init__(self, host: str, port: int, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror)
        self.host, self.port, self.cause = host, port, cause


def create_app(deps: WebDeps) -> web.Application:
    app = web.Application(
        middlewares=[
            middlewares.request_context,
            middlewares.cors,
            middlewares.problems,
            middlewares.authenticate,
        ],
        client_max_size=max(deps.max_body_bytes, deps.webhook_max_body_bytes),
    )
    app[DEPS] = deps
    router = app.router
    router.add_get("/healthz", ops.healthz)
    router.add_get("/readyz", ops.readyz)
    router.add_get("/metrics", ops.metrics)
    router.add_get("/openapi.json", ops.openapi)
    router.add_get("/problems/{type}", ops.problem_type)
    router.add_post("/webhooks/{provider}", webhooks.receive)
    for op in operations(deps):
        router.add_route(op.method, op.path, op.handler, name=op.id)

    async def close(_: web.Application) -> None:
        for closer in deps.closers:
            try:
                await closer()
            except Exception:
                logger.exception("closing a resource failed")

    app.on_cleanup.append(close)
    return app


async def serve(
    deps: WebDeps,
    host: str,
    port: int,
    *,
    shutdown_timeout: float = 30.0,
    stop: asyncio.Event | None = None,
    started: Callable[[int], None] | None = None,
) -> None:
    """Serve until SIGINT/SIGTERM (or `stop`), then shut down gracefully: stop accepting, let in-flight
    requests finish (up to `shutdown_timeout`), then close resources (`deps.closers`)."""
    app = create_app(deps)
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=shutdown_timeout)
    await runner.setup()
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    try:
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except OSError as error:  # a busy port, a host name that does not resolve: one line, exit 2
            raise ListenError(host, port, error) from None
        bound = port
        for address in runner.addresses:
            if isinstance(address, tuple) and len(address) >= 2:
                bound = int(address[1])
                break
        logger.info("tarot web listening on http://%s:%d", host, bound)
        if started is not None:
            started(bound)
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        logger.info("tarot web shutting down")
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signum)
        await runner.cleanup()
