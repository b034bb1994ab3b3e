"""Closing saves first: a gate in front of the pool that serves the units of work finishing a paid-for
answer (the reading saved, the hold posted) ahead of new arrivals.

The pool's own queue is first come, first served, so with a thousand readings in flight a save that
comes back from the interpreter would wait behind every new arrival's hold, and could time out after
the interpreter was paid for. The gate hands out at most `pool.max_size` places, so the pool itself
never queues; closing work may use every place and is woken first, opening work may use all but
`reserved` of them, so a closing save usually finds a connection free at once.
"""

from __future__ import annotations

import asyncio
from collections import deque

from psycopg_pool import PoolTimeout

from adapters.postgres.storage import Conn, Pool, PostgresUnitOfWork
from tarot_domain.model.errors import TarotError
from tarot_domain.use_cases.admission import busy

DEFAULT_RESERVED = 2


def saturated(timeout: float) -> TarotError:
    return busy(f"no database connection for new work in {timeout:g} s; refused before the hold")


class PriorityGate:
    """Places on the pool, two lanes: `closing` (may take every place, served first) and opening (may
    take all but `reserved`). A closing wait longer than `timeout` raises PoolTimeout, which the unit of
    work translates into a retryable database error (the closing save retries it); an opening one is
    the service saturated before anything was held: `busy`, the same polite refusal as admission's."""

    def __init__(self, pool: Pool, *, reserved: int = DEFAULT_RESERVED, timeout: float = 10.0) -> None:
        self.pool = pool
        self.size = pool.max_size
        self.reserved = max(0, min(reserved, self.size - 1))
        self.timeout = timeout
        self.taken = 0
        self._waiting: dict[bool, deque[asyncio.Future[None]]] = {True: deque(), False: deque()}

    def _room(self, closing: bool) -> bool:
        return self.taken < (self.size if closing else self.size - self.reserved)

    async def acquire(self, closing: bool) -> None:
        queue = self._waiting[closing]
        ahead = queue or (not closing and self._waiting[True])
        if not ahead and self._room(closing):
            self.taken += 1
            return
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue.append(granted)
        expiry = asyncio.get_running_loop().call_later(self.timeout, self._expire, granted, queue)
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                self.release()  # the place arrived as the caller gave up: pass it on
            elif granted in queue:
                queue.remove(granted)
            raise
        finally:
            expiry.cancel()

    def _expire(self, granted: asyncio.Future[None], queue: deque[asyncio.Future[None]]) -> None:
        if not granted.done():
            queue.remove(granted)
            if queue is self._waiting[True]:
                granted.set_exception(PoolTimeout(f"no closing place on the pool after {self.timeout:g} s"))
            else:
                granted.set_exception(saturated(self.timeout))

    def release(self) -> None:
        self.taken -= 1
        self._wake()

    def _wake(self) -> None:
        for closing in (True, False):
            queue = self._waiting[closing]
            while queue and self._room(closing):
                granted = queue.popleft()
                if not granted.done():
                    self.taken += 1
                    granted.set_result(None)
            if queue:  # closing work still waits: opening work must not overtake it
                return

    def lane(self, closing: bool) -> GatedPool:
        return GatedPool(self, closing)


class GatedPool:
    """What a unit of work borrows connections from: the pool, entered through one lane of the gate."""

    def __init__(self, gate: PriorityGate, closing: bool) -> None:
        self._gate = gate
        self._closing = closing

    async def getconn(self) -> Conn:
        await self._gate.acquire(self._closing)
        try:
            return await self._gate.pool.getconn()
        except BaseException:
            self._gate.release()
            raise

    async def putconn(self, conn: Conn) -> None:
        try:
            await self._gate.pool.putconn(conn)
        finally:
            self._gate.release()


class PrioritizedStore:
    """Two UnitOfWorkFactories over one pool: `uow` for everything, `closing_uow` for closing saves."""

    def __init__(self, pool: Pool, *, reserved: int = DEFAULT_RESERVED, timeout: float = 10.0) -> None:
        self.gate = PriorityGate(pool, reserved=reserved, timeout=timeout)
        self._opening = self.gate.lane(closing=False)
        self._closing = self.gate.lane(closing=True)

    def uow(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self._opening)

    def closing_uow(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self._closing)
