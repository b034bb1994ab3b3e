"""What every operator command shares (runners/admin_cli.py, admin_payments.py, admin_accounts.py): one
store per command after a bounded connection attempt, services on it, the user looked up by reference,
and known failures turned into one stderr line and an exit status."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any

from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from runners.config import Settings
from runners.startup import StartupError, preflight
from runners.stores import StoreHandle, open_store
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.users import User, check_external_ref
from tarot_domain.use_cases.context import Services

Handler = Callable[[argparse.Namespace], Awaitable[int]]
POOL_TIMEOUT = 5.0  # seconds an operator waits for an unreachable database
_QUIET = logging.NullHandler()


class _Usage(Exception):
    """Bad input: one stderr line, exit 2."""


def _positive_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {raw!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
    return value


def _guard(handler: Handler) -> Handler:
    """Turn known failures into one stderr line and an exit status (never a traceback)."""

    async def run(args: argparse.Namespace) -> int:
        # The pool logs each failed connection attempt; without logging configured Python would print
        # them all to stderr. A NullHandler keeps the CLI to one line and still lets records propagate.
        logging.getLogger("psycopg.pool").addHandler(_QUIET)
        try:
            return await handler(args)
        except (_Usage, StartupError) as problem:
            print(f"tarot: error: {problem}", file=sys.stderr)
            return 2
        except ValueError as problem:  # a malformed DATABASE_URL and the like
            print(f"tarot: error: {problem}", file=sys.stderr)
            return 2
        except TarotError as error:
            print(f"tarot: error: {error.kind.value}: {error.detail}", file=sys.stderr)
            return 2 if error.kind in (ErrorKind.VALIDATION, ErrorKind.NOT_FOUND, ErrorKind.FORBIDDEN) else 1

    run.__name__ = handler.__name__
    return run


def _database_url() -> str | None:
    return os.environ.get("DATABASE_URL") or None


@contextlib.asynccontextmanager
async def _open() -> AsyncIterator[StoreHandle]:
    """The store, after one bounded connection attempt: an unreachable database is one line, exit 2."""
    url = _database_url()
    if url and url.startswith(("postgresql://", "postgres://")):
        await preflight(Settings(database_url=url), POOL_TIMEOUT)
    async with open_store(url, pool_max=2, pool_timeout=POOL_TIMEOUT) as store:
        yield store


def _services(store: StoreHandle) -> Services:
    return Services(uow=store.uow_factory, clock=SystemClock(), random=SecretsRandom())


async def _find_user(store: StoreHandle, ref: str) -> User:
    try:
        check_external_ref(ref)
    except TarotError:
        raise _Usage(f"malformed user reference {ref!r} (expected e.g. telegram:12345)") from None
    async with store.uow_factory() as uow:
        user = await uow.users.get_by_ref(ref)
    if user is None:
        raise _Usage(f"unknown user {ref}")
    return user


def _emit(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
