"""Pacing outgoing messages under Telegram's limits, in process.

Telegram lets a bot send about 30 messages a second overall and about one a second to one chat (short
bursts are tolerated); going faster earns FLOOD_WAIT errors that stall the whole bot. `Pacer` waits
before a send so we stay under both. Each bucket is GCRA-shaped: one number per key, the time the
bucket would be empty again, moved ahead by one interval per message. A caller reserves its slot before
it sleeps, so concurrent tasks queue fairly without a lock (nothing awaits between read and write).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]  # monotonic seconds
Sleep = Callable[[float], Awaitable[None]]

GLOBAL_RATE = 30.0  # messages per second, all chats together
GLOBAL_BURST = 30
CHAT_RATE = 1.0  # messages per second in one chat
CHAT_BURST = 3  # a reply split in three parts goes out at once


class Bucket:
    """One GCRA bucket: `reserve()` returns how long the caller must wait before it may send."""

    def __init__(self, rate: float, burst: int) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError(f"invalid rate {rate} / burst {burst}")
        self.interval = 1.0 / rate
        self.burst = burst
        self.tat = 0.0  # theoretical arrival time: when the bucket is empty again

    def reserve(self, now: float) -> float:
        tat = max(self.tat, now)
        allowed_at = tat - (self.burst - 1) * self.interval
        self.tat = tat + self.interval
        return max(0.0, allowed_at - now)

    def defer(self, until: float) -> None:
        """Nothing goes out before `until` (a flood wait Telegram asked us to respect)."""
        self.tat = max(self.tat, until + (self.burst - 1) * self.interval)

    def idle(self, now: float) -> bool:
        return self.tat <= now


class Pacer:
    """Waits as long as needed to keep the overall and the per-chat rate."""

    def __init__(
        self,
        *,
        rate: float = GLOBAL_RATE,
        burst: int = GLOBAL_BURST,
        chat_rate: float = CHAT_RATE,
        chat_burst: int = CHAT_BURST,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._global = Bucket(rate, burst)
        self._chat_rate = chat_rate
        self._chat_burst = chat_burst
        self._chats: dict[int, Bucket] = {}
        self._sweep_at = 1024
        self.clock = clock
        self.sleep = sleep

    def _chat(self, chat_id: int) -> Bucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if len(self._chats) >= self._sweep_at:
                # Forget chats that have been quiet long enough to be full again.
                now = self.clock()
                self._chats = {k: b for k, b in self._chats.items() if not b.idle(now)}
                self._sweep_at = max(1024, 2 * len(self._chats))
            bucket = self._chats[chat_id] = Bucket(self._chat_rate, self._chat_burst)
        return bucket

    async def acquire(self, chat_id: int | None) -> float:
        """Wait for a slot in `chat_id` (if any) and then overall; returns the seconds waited."""
        waited = 0.0
        if chat_id is not None:
            delay = self._chat(chat_id).reserve(self.clock())
            if delay > 0:
                await self.sleep(delay)
                waited += delay
        delay = self._global.reserve(self.clock())
        if delay > 0:
            await self.sleep(delay)
            waited += delay
        return waited

    def defer(self, chat_id: int | None, seconds: float) -> None:
        until = self.clock() + seconds
        if chat_id is None:
            self._global.defer(until)
        else:
            self._chat(chat_id).defer(until)
