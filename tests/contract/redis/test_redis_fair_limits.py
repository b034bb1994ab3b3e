"""The bot's fair limits on Redis: two processes (two connections, two limiters) share every bucket,
so the global LLM budget and each person's reading limit hold across the whole deployment."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING

import pytest

from adapters.redis import RedisRateLimiter
from adapters.telegram.dialog.limits import FairLimits
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_ports.rate_limit import RateLimit

if TYPE_CHECKING:
    from conftest import RedisBackend

pytestmark = pytest.mark.contract

HOURLY_TWO = RateLimit(rate=2, period=3600, burst=2)


def process(backend: RedisBackend, **limits: RateLimit) -> FairLimits:
    """One bot process: its own Redis connection, the deployment's key prefix."""
    return FairLimits(RedisRateLimiter(backend.connect(), prefix=backend.prefix + "rl:"), limits)


async def refusal(check: Awaitable[None]) -> TarotError:
    with pytest.raises(TarotError) as caught:
        await check
    assert caught.value.kind is ErrorKind.RATE_LIMITED
    return caught.value


async def test_the_llm_budget_is_one_across_processes(redis_backend: RedisBackend) -> None:
    generous = RateLimit(rate=1000, period=1, burst=1000)
    a = process(redis_backend, llm_readings_global=HOURLY_TWO, readings_per_user=generous)
    b = process(redis_backend, llm_readings_global=HOURLY_TWO, readings_per_user=generous)
    await a.reading(1, subscribed=False, lang="en")
    await b.reading(2, subscribed=False, lang="en")
    error = await refusal(a.reading(3, subscribed=False, lang="en"))
    assert error.message_key == "limit.busy" and error.params["wait"] == "30 minutes"
    error = await refusal(b.interpreter("uk"))  # a day's first card in the other process: the same budget
    assert error.params["wait"] == "30 хвилин"


async def test_a_persons_limit_follows_them_from_process_to_process(redis_backend: RedisBackend) -> None:
    a = process(redis_backend, readings_per_user=HOURLY_TWO)
    b = process(redis_backend, readings_per_user=HOURLY_TWO)
    await a.reading(7, subscribed=False, lang="en")
    await b.reading(7, subscribed=False, lang="en")
    error = await refusal(a.reading(7, subscribed=False, lang="en"))
    assert error.message_key == "limit.readings_free" and error.params["rate"] == 2
    await b.reading(7, subscribed=True, lang="en")  # a subscriber's bucket is their own
    await b.reading(8, subscribed=False, lang="en")  # and someone else's too
