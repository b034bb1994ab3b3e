"""Deduplicator contract: true exactly once per (namespace, id) within the time to live."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from conftest import Backend

pytestmark = pytest.mark.contract


async def test_first_time_only_once(backend: Backend) -> None:
    dedup = backend.dedup()
    assert await dedup.first_time("tg-update", "1001", 60)
    assert not await dedup.first_time("tg-update", "1001", 60)
    assert await dedup.first_time("tg-update", "1002", 60)
    assert await dedup.first_time("stripe-event", "1001", 60)  # namespaces are separate


async def test_seen_again_after_the_ttl(backend: Backend) -> None:
    dedup, line = backend.dedup(), backend.timeline
    assert await dedup.first_time("ns", "x", 1)
    await line.advance(0.5)
    assert not await dedup.first_time("ns", "x", 1)  # a duplicate does not extend the window
    await line.advance(0.7)
    assert await dedup.first_time("ns", "x", 1)


async def test_concurrent_deliveries_are_handled_once(backend: Backend) -> None:
    dedup = backend.dedup()
    results = await asyncio.gather(*(dedup.first_time("ns", "same", 60) for _ in range(200)))
    assert sum(results) == 1


async def test_across_separate_connections(backend: Backend) -> None:
    # Two clients, as two bot processes have: a redelivery to the other one is still a duplicate.
    first, second = backend.dedup(new_connection=True), backend.dedup(new_connection=True)
    results = await asyncio.gather(
        *(d.first_time("ns", str(i), 60) for i in range(50) for d in (first, second))
    )
    assert sum(results) == 50
    assert not await first.first_time("ns", "7", 60)
    assert not await second.first_time("ns", "7", 60)


async def test_ttl_must_be_whole_seconds(backend: Backend) -> None:
    with pytest.raises(ValueError):
        await backend.dedup().first_time("ns", "x", 0)
