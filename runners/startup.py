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


# Each reading in flight may hold two sockets (its client's and the interpreter's), plus the pool, Redis,
# log files and the interpreter's keep-alive spares.
FILES_PER_READING = 2
FILES_BESIDES = 256


def files_needed(in_flight: int, pool_size: int) -> int:
    return in_flight * FILES_PER_READING + pool_size + FILES_BESIDES


def raise_open_file_limit(needed: int) -> str | None:
    """Raise this process's RLIMIT_NOFILE soft limit toward the hard limit so `needed` descriptors fit.
    Returns None when they fit, else the one line saying the limit is too low (the process still runs,
    and refuses what it cannot open)."""
    try:
        import resource
    except ImportError:  # not a POSIX system: nothing to raise
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    unlimited = resource.RLIM_INFINITY
    if soft == unlimited or soft >= needed:
        return None
    target = needed if hard == unlimited else min(hard, max(needed, soft))
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError):
        target = soft
    if target >= needed:
        return None
    return (
        f"the open-file limit is {target} (hard limit {'unlimited' if hard == unlimited else hard}), too low "
        f"for TAROT_MAX_IN_FLIGHT and DATABASE_POOL_SIZE (about {needed} needed): raise `ulimit -n` "
        f"or lower TAROT_MAX_IN_FLIGHT"
    )


def check_open_files(settings: Settings) -> None:
    """At start: the soft limit raised, or one warning line when it cannot be raised far enough."""
    import logging

    problem = raise_open_file_limit(files_needed(settings.in_flight_limit, settings.database_pool_size))
    if problem is not None:
        logging.getLogger("runners.startup").warning("%s", problem)
