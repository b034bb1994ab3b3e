"""Cache contract: JSON values with a time to live, and get_or_set computing once per key."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from conftest import Backend

pytestmark = pytest.mark.contract

VALUE = {"cards": [{"id": "the-fool", "reversed": False}], "score": 1.5, "note": "Таро", "none": None}


class Counter:
    """A compute function that counts its calls and takes `delay` seconds."""

    def __init__(self, value: Any = VALUE, delay: float = 0.0, fail_first: bool = False) -> None:
        self.value, self.delay, self.fail_first = value, delay, fail_first
        self.calls = 0

    async def __call__(self) -> Any:
        self.calls += 1
        call = self.calls
        await asyncio.sleep(self.delay)
        if self.fail_first and call == 1:
            raise RuntimeError("the first computation fails")
        return self.value


async def test_get_set(backend: Backend) -> None:
    cache = backend.cache()
    assert await cache.get("k") is None
    await cache.set("k", VALUE, 60)
    assert await cache.get("k") == VALUE
    await cache.set("t", (1, 2), 60)
    assert await cache.get("t") == [1, 2]  # JSON's types come back
    await cache.set("k", "replaced", 60)
    assert await cache.get("k") == "replaced"


async def test_values_must_be_json(backend: Backend) -> None:
    with pytest.raises(TypeError):
        await backend.cache().set("k", {1, 2}, 60)


async def test_values_expire(backend: Backend) -> None:
    cache, line = backend.cache(), backend.timeline
    await cache.set("short", 1, 0.3)
    await cache.set("long", 2, 60)
    await cache.set("gone", 3, 60)
    await cache.set("gone", 3, 0)  # a time to live of zero removes the value
    assert await cache.get("gone") is None
    await line.advance(0.2)
    assert await cache.get("short") == 1
    await line.advance(0.15)
    assert await cache.get("short") is None
    assert await cache.get("long") == 2


async def test_namespaces_are_separate(backend: Backend) -> None:
    a, b = backend.cache("a"), backend.cache("b")
    await a.set("k", "from a", 60)
    assert await b.get("k") is None


async def test_get_or_set_uses_the_cached_value(backend: Backend) -> None:
    cache, compute = backend.cache(), Counter()
    await cache.set("k", "cached", 60)
    assert await cache.get_or_set("k", compute, 60) == "cached"
    assert compute.calls == 0
    assert await cache.get_or_set("k2", Counter(None), 60) is None
    assert await cache.get_or_set("k2", compute, 60) is None  # a cached null is a hit
    assert compute.calls == 0


async def test_get_or_set_computes_once_for_twenty_callers(backend: Backend) -> None:
    cache, compute = backend.cache(), Counter(delay=0.1)
    results = await asyncio.gather(*(cache.get_or_set("k", compute, 60) for _ in range(20)))
    assert compute.calls == 1
    assert results == [VALUE] * 20
    assert await cache.get("k") == VALUE


async def test_a_waiter_takes_over_when_the_computation_fails(backend: Backend) -> None:
    cache, compute = backend.cache(), Counter(delay=0.05, fail_first=True)
    results = await asyncio.gather(
        *(cache.get_or_set("k", compute, 60) for _ in range(5)), return_exceptions=True
    )
    assert sum(isinstance(r, RuntimeError) for r in results) == 1
    assert [r for r in results if not isinstance(r, BaseException)] == [VALUE] * 4
    assert compute.calls == 2


async def test_waiting_is_bounded(backend: Backend) -> None:
    cache = backend.cache(wait_timeout=0.1)
    slow, quick = Counter("slow", delay=0.6), Counter("quick")
    leader = asyncio.create_task(cache.get_or_set("k", slow, 60))
    await asyncio.sleep(0.02)
    started = time.monotonic()
    assert await cache.get_or_set("k", quick, 60) == "quick"  # gave up waiting, computed itself
    assert time.monotonic() - started < 0.4
    assert await leader == "slow"
    assert (slow.calls, quick.calls) == (1, 1)
