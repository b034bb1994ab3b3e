"""Which store to use: `DATABASE_URL` picks Postgres, otherwise the embedded SQLite file.

- unset or empty          → SQLite at `default_sqlite_path()`
- `sqlite:///relative`    → SQLite at that path (`sqlite:////absolute/path` for an absolute one)
- `postgresql://...`      → Postgres through a pool (migrations are `tarot migrate`'s job, not ours)

The SQLite schema is created or upgraded when the file opens; Postgres is only checked, never changed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from runners.masking import mask_credentials
from tarot_ports.storage import UnitOfWorkFactory

APP_DIR = "tarot-bot"
DB_FILE = "tarot.sqlite3"


def default_sqlite_path(env: Mapping[str, str] | None = None) -> Path:
    """`TAROT_SQLITE_PATH`, else `$XDG_DATA_HOME/tarot-bot/tarot.sqlite3`, else under ~/.local/share."""
    source = os.environ if env is None else env
    explicit = source.get("TAROT_SQLITE_PATH", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    data_home = source.get("XDG_DATA_HOME")
    base = Path(data_home).expanduser() if data_home else Path.home() / ".local" / "share"
    return base / APP_DIR / DB_FILE


def sqlite_path_from_url(url: str) -> Path:
    if not url.startswith("sqlite:///") or url == "sqlite:///":
        raise ValueError(
            f"a SQLite URL looks like sqlite:///relative/path or sqlite:////abs/path, not {url!r}"
        )
    return Path(url[len("sqlite:///") :]).expanduser()


def redact(url: str) -> str:
    """The URL (or key=value DSN) without its password, for messages and logs."""
    return mask_credentials(url)


@frozen
class StoreHandle:
    """An open store: `uow_factory` for use cases (`closing_uow_factory` for the saves that finish a
    paid-for answer, served first where the store can), `ping()` for readiness checks."""

    kind: str  # "sqlite" or "postgres"
    location: str  # the file, or the URL without its password
    uow_factory: UnitOfWorkFactory
    _ping: Callable[[], Awaitable[None]]
    postgres: Any = None  # the PostgresStore, for what needs its pool (advisory job locks)
    closing_uow_factory: UnitOfWorkFactory | None = None

    async def ping(self) -> None:
        """Raises TarotError(DATABASE) when the store cannot be reached."""
        await self._ping()


@contextlib.asynccontextmanager
async def open_store(
    database_url: str | None, *, pool_min: int = 1, pool_max: int = 10, pool_timeout: float = 10.0
) -> AsyncIterator[StoreHandle]:
    """Open the store `database_url` names (see the module docstring) and close it on exit."""
    url = (database_url or "").strip()
    if url.startswith(("postgresql://", "postgres://")):
        from adapters.postgres.priority import PrioritizedStore
        from adapters.postgres.storage import open_store as open_postgres

        async with open_postgres(url, min_size=pool_min, max_size=pool_max, pool_timeout=pool_timeout) as pg:
            gated = PrioritizedStore(pg.pool, timeout=pool_timeout)
            yield StoreHandle(
                "postgres", redact(url), gated.uow, pg.ping, postgres=pg,
                closing_uow_factory=gated.closing_uow,
            )  # fmt: skip
        return
    if url and not url.startswith("sqlite:"):
        raise ValueError(f"DATABASE_URL must start with postgresql:// or sqlite:///, got {redact(url)!r}")
    from adapters.sqlite.storage import SqliteStore

    path = sqlite_path_from_url(url) if url else default_sqlite_path()
    async with SqliteStore(path) as store:
        yield StoreHandle("sqlite", str(path), store.uow, store.ping)
