"""One connection attempt, bounded in time: can this process reach the database at all?

A serving process asks once at start, so an unreachable, unresolvable or refusing server is one clear
line then, not a pool retrying quietly in the background while `/readyz` answers 503.
"""

from __future__ import annotations

import psycopg

from tarot_domain.model.errors import ErrorKind, TarotError


async def check_connection(conninfo: str, seconds: float = 5.0) -> None:
    """Connect and disconnect; raises TarotError(DATABASE) with the driver's first line (which names
    the host and the reason, never the password)."""
    try:
        connection = await psycopg.AsyncConnection.connect(conninfo, connect_timeout=max(1, round(seconds)))
    except psycopg.Error as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        raise TarotError(
            ErrorKind.DATABASE, lines[0] if lines else type(exc).__name__, retryable=True
        ) from None
    await connection.close()
