"""The provider's request rate: request starts spaced evenly, per process.

A reading over the pace waits its turn rather than being refused: it was admitted and its hold placed
already, and a provider's 429 would cost more (a retry after backoff) than a short wait here.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Sleep = Callable[[float], Awaitable[None]]


class Pacer:
    """At most `per_second` starts a second (0: no pacing); `wait()` returns when it is this call's turn."""

    def __init__(
        self,
        per_second: float,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._interval = 1.0 / per_second if per_second > 0 else 0.0
        self._sleep = sleep
        self._clock = clock
        self._next = 0.0

    async def wait(self) -> None:
        if self._interval == 0.0:
            return
        now = self._clock()
        turn = max(now, self._next)
        self._next = turn + self._interval  # claimed before sleeping, so callers queue in order
        if turn > now:
            await self._sleep(turn - now)
