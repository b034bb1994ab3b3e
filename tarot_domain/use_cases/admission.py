"""Admission control: how many readings one process carries at once, from before the hold until the
closing save.

A reading over the limit is refused at the door (`busy`), before anything is held, drawn or asked of
the interpreter, so nobody is charged and no answer the interpreter was paid for is thrown away for
want of capacity. The count is per process and needs no lock: admission is a synchronous step on the
event loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tarot_domain.model.errors import ErrorKind, TarotError

DEFAULT_IN_FLIGHT = 1000
BUSY_RETRY_SECONDS = 2  # long enough for a few readings to finish, short enough to feel responsive


def busy(detail: str) -> TarotError:
    """The refusal: retryable, worded as a pause (`error.busy`), with the seconds to wait. Stores give
    it too when they cannot take new work in time (nothing held yet)."""
    return TarotError(
        ErrorKind.RATE_LIMITED,
        detail,
        message_key="error.busy",
        params={"seconds": BUSY_RETRY_SECONDS},
    )


class Admission:
    """At most `limit` admitted at once; `refused` counts the ones turned away since start."""

    def __init__(self, limit: int = DEFAULT_IN_FLIGHT) -> None:
        if limit < 1:
            raise ValueError(f"the in-flight limit must be at least 1, got {limit}")
        self.limit = limit
        self.in_flight = 0
        self.peak = 0
        self.refused = 0

    @contextmanager
    def admitted(self) -> Iterator[None]:
        """Hold a place for the block; raises `busy` when every place is taken."""
        if self.in_flight >= self.limit:
            self.refused += 1
            raise busy(f"{self.limit} readings in flight; refused before the hold")
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            yield
        finally:
            self.in_flight -= 1

