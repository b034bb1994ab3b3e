"""Start-up failures of the serving processes (`tarot web`, `bot`, `serve`): each is one clear line on
stderr and exit status 2, never a traceback.

`preflight` asks the database and Redis once, bounded in time, before anything is opened; `listen_problem`
words a socket that cannot be bound (a busy port, a host name that does not resolve).
"""

from __future__ import annotations

import errno
import socket

from runners.config import Settings
from runners.masking import mask_credentials
from tarot_domain.model.errors import TarotError

STARTUP_TIMEOUT = 5.0  # seconds a process waits for each server before it gives up starting


class StartupError(Exception):
    """The process cannot start; the message is the one line to show."""


async def preflight(settings: Settings, seconds: float = STARTUP_TIMEOUT) -> None:
    """Raise StartupError when the configured database or Redis cannot be reached."""
    url = settings.database_url or ""
    if url.startswith(("postgresql://", "postgres://")):
        from adapters.postgres.reach import check_connection

        try:
            await check_connection(url, seconds)
        except TarotError as error:
            raise StartupError(
                f"cannot reach the database ({mask_credentials(url)}): {error.detail}"
            ) from None
    if settings.redis_url:
        from adapters.redis.client import check_connection as check_redis

        try:
            await check_redis(settings.redis_url, seconds)
        except TarotError as error:
            where = mask_credentials(settings.redis_url)
            raise StartupError(f"cannot reach Redis ({where}): {error.detail}") from None


def listen_problem(host: str, port: int, error: OSError) -> str:
    """Why `host:port` cannot be listened on, in one line."""
    where = f"{host}:{port}"
    if isinstance(error, socket.gaierror):
        return f"cannot listen on {where}: the host name {host!r} does not resolve (TAROT_WEB_HOST or --host)"
    if error.errno == errno.EADDRINUSE:
        return f"cannot listen on {where}: the port is in use by another process (TAROT_WEB_PORT or --port)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"cannot listen on {where}: permission denied (ports below 1024 need privileges)"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {where}: this machine has no such address"
    return f"cannot listen on {where}: {error.strerror or error}"
