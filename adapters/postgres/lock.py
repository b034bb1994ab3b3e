"""`PostgresJobLock`: the JobLock port on Postgres session-level advisory locks.

`pg_try_advisory_lock(hashtext(<namespace><name>))` on one connection borrowed from the pool for the
whole holding, `pg_advisory_unlock` on the same connection after. The lock belongs to the database
session, so a holder that dies (process killed, network cut) frees it the moment its connection ends:
no ttl is needed and `ttl_seconds` is ignored. The transaction that takes the lock is committed at
once (a session lock outlives it), so the held connection sits idle, not idle-in-transaction, and the
server's idle-in-transaction timeout never kills it.

The holding uses one pooled connection besides those the job's units of work borrow: a pool of one
connection would make the job wait for itself (it fails with a pool timeout, it does not hang).
A connection whose unlock failed is closed rather than returned, so no lock leaks to its next user.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psycopg
from psycopg_pool import PoolClosed, PoolTimeout

from adapters.postgres.storage import Conn, Pool, database_error
from tarot_ports.locks import check_lock_ttl

logger = logging.getLogger("adapters.postgres")

_LOCK = "SELECT pg_try_advisory_lock(hashtext(%s)) AS got"
_UNLOCK = "SELECT pg_advisory_unlock(hashtext(%s)) AS released"


class PostgresJobLock:
    def __init__(self, pool: Pool, *, namespace: str = "tarot.job:") -> None:
        self._pool = pool
        self._namespace = namespace

    @asynccontextmanager
    async def hold(self, name: str, ttl_seconds: float) -> AsyncIterator[bool]:
        check_lock_ttl(ttl_seconds)
        key = f"{self._namespace}{name}"
        conn = await self._borrow()
        clean = False
        try:
            row = await (await conn.execute(_LOCK, (key,))).fetchone()
            await conn.commit()
            clean = True
        except psycopg.Error as exc:
            raise database_error(exc) from exc
        finally:
            if not clean:
                await self._discard(conn)
        if not (row and row["got"]):
            await self._pool.putconn(conn)
            yield False
            return
        try:
            yield True
        finally:
            await self._unlock(conn, key, name)

    async def _borrow(self) -> Conn:
        try:
            return await self._pool.getconn()
        except (psycopg.Error, PoolTimeout, PoolClosed) as exc:
            raise database_error(exc) from exc

    async def _unlock(self, conn: Conn, key: str, name: str) -> None:
        released = False
        try:
            row = await (await conn.execute(_UNLOCK, (key,))).fetchone()
            await conn.commit()
            released = bool(row and row["released"])
            if not released:
                logger.warning("advisory lock %s was not held at release (its session was reset?)", name)
        except psycopg.Error as exc:  # closing the session below frees the lock all the same
            logger.warning("advisory lock %s not released cleanly, closing its connection: %s", name, exc)
        finally:
            if released:
                await self._pool.putconn(conn)
            else:
                await self._discard(conn)

    async def _discard(self, conn: Conn) -> None:
        """End the session (which frees every advisory lock it held); the pool replaces a closed one."""
        try:
            await conn.close()
        finally:
            await self._pool.putconn(conn)
