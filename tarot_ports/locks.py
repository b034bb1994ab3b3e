"""Locks that keep a background job to one runner at a time, across every process that serves."""

from __future__ import annotations

import math
from contextlib import AbstractAsyncContextManager
from typing import Protocol


class JobLock(Protocol):
    def hold(self, name: str, ttl_seconds: float) -> AbstractAsyncContextManager[bool]:
        """`async with lock.hold("sweep", 60) as held:` — `held` is True when this process got the lock,
        which it keeps until the block ends; False when another holder has it (do nothing then).

        `ttl_seconds` bounds how long the lock outlives a holder that died without releasing it, where
        the backend cannot tell by itself (a Redis key; a Postgres session lock ends with its
        connection). A live holder keeps its lock for as long as the block runs. Raises DATABASE
        (retryable) when the backend cannot be asked; a failed release is logged, never raised.
        """
        ...


def check_lock_ttl(ttl_seconds: float) -> float:
    if not math.isfinite(ttl_seconds) or ttl_seconds <= 0:
        raise ValueError(f"a lock's ttl must be a positive number of seconds, got {ttl_seconds!r}")
    return ttl_seconds
