"""Many units of work at once: the rules hold in the store, not just in one caller's head."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.sqlite.storage import SqliteStore
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import (
    REVENUE_READINGS,
    Balance,
    TransferState,
    invariant_violations,
    user_account,
)

pytestmark = pytest.mark.contract


async def _grant(backend, make, user: str, amount: int) -> None:
    async with backend.uow() as uow:
        await uow.ledger.submit(make.grant(f"g-{user}-{amount}", user, amount), make.now)
        await uow.commit()


async def _outcome(uow_factory, work) -> object:
    try:
        async with uow_factory() as uow:
            result = await work(uow)
            await asyncio.sleep(0.002)  # hold the transaction open so the others overlap with it
            await uow.commit()
            return result
    except TarotError as error:
        return error.kind


async def test_fifty_concurrent_holds_against_fifty_credits(backend, make) -> None:
    await _grant(backend, make, "u1", 50)

    async def hold(i: int) -> object:
        return await _outcome(
            backend.uow, lambda uow: uow.ledger.submit(make.hold(f"h{i}", "u1", 10), make.now)
        )

    results = await asyncio.gather(*(hold(i) for i in range(50)))
    won = [r for r in results if not isinstance(r, ErrorKind)]
    assert len(won) == 5
    assert [r for r in results if isinstance(r, ErrorKind)] == [ErrorKind.INSUFFICIENT_CREDITS] * 45
    async with backend.uow() as uow:
        balance = await uow.ledger.balance(user_account("u1"))
        assert balance == Balance(user_account("u1"), posted=50, pending_out=50)
        assert balance.available == 0
        assert len(await uow.ledger.pending()) == 5


async def test_fifty_holds_through_several_sqlite_connections(tmp_path: Path, make) -> None:
    """Separate stores on one file stand in for separate processes: BEGIN IMMEDIATE serialises them."""
    stores = [SqliteStore(tmp_path / "shared.sqlite3") for _ in range(5)]
    try:
        async with stores[0].uow() as uow:
            await uow.ledger.submit(make.grant("g1", "u1", 50), make.now)
            await uow.commit()

        async def hold(i: int) -> object:
            store = stores[i % len(stores)]
            return await _outcome(
                store.uow, lambda uow: uow.ledger.submit(make.hold(f"h{i}", "u1", 10), make.now)
            )

        results = await asyncio.gather(*(hold(i) for i in range(50)))
        assert sum(1 for r in results if not isinstance(r, ErrorKind)) == 5
        assert {r for r in results if isinstance(r, ErrorKind)} == {ErrorKind.INSUFFICIENT_CREDITS}
        async with stores[3].uow() as uow:
            assert (await uow.ledger.balance(user_account("u1"))).available == 0
            balances = await uow.ledger.balances()
        assert invariant_violations({b.account: b for b in balances}, [], None) == []
    finally:
        for store in stores:
            await store.close()


async def test_concurrent_replays_of_one_id_record_it_once(backend, make) -> None:
    async def grant() -> object:
        return await _outcome(backend.uow, lambda uow: uow.ledger.submit(make.grant("g1", "u1", 7), make.now))

    results = await asyncio.gather(*(grant() for _ in range(20)))
    assert all(r == results[0] for r in results), results
    async with backend.uow() as uow:
        assert (await uow.ledger.balance(user_account("u1"))).posted == 7


async def test_post_and_void_race_one_winner_each(backend, make) -> None:
    await _grant(backend, make, "u1", 200)
    for i in range(20):
        async with backend.uow() as uow:
            await uow.ledger.submit(make.hold(f"h{i}", "u1", 10), make.now)
            await uow.commit()

    async def settle(i: int, post: bool) -> object:
        async def work(uow):
            return await (uow.ledger.post if post else uow.ledger.void)(f"h{i}", make.now)

        return await _outcome(backend.uow, work)

    jobs = [settle(i, post) for i in range(20) for post in (True, False)]
    random.Random(7).shuffle(jobs)
    results = await asyncio.gather(*jobs)
    assert results.count(ErrorKind.CONFLICT) == 20
    async with backend.uow() as uow:
        states = [(await uow.ledger.get(f"h{i}")).state for i in range(20)]
        posted = states.count(TransferState.POSTED)
        assert posted + states.count(TransferState.VOIDED) == 20
        assert await uow.ledger.balance(REVENUE_READINGS) == Balance(REVENUE_READINGS, posted=10 * posted)
        assert await uow.ledger.pending() == []


async def test_mixed_traffic_neither_deadlocks_nor_breaks_a_rule(real_backend, make) -> None:
    """Readings (hold then post), grants, claw-backs and sweeps for several users, all at once."""
    backend = real_backend
    users = [f"u{i}" for i in range(8)]
    for user in users:
        await _grant(backend, make, user, 40)
    rng = random.Random(11)

    async def reading(user: str, n: int) -> object:
        hold = await _outcome(
            backend.uow, lambda uow: uow.ledger.submit(make.hold(f"h-{user}-{n}", user, 5), make.now)
        )
        if isinstance(hold, ErrorKind):
            return hold
        return await _outcome(backend.uow, lambda uow: uow.ledger.post(f"h-{user}-{n}", make.now))

    async def grant(user: str, n: int) -> object:
        return await _outcome(
            backend.uow, lambda uow: uow.ledger.submit(make.grant(f"x-{user}-{n}", user, 3), make.now)
        )

    async def clawback(user: str, n: int) -> object:
        return await _outcome(
            backend.uow, lambda uow: uow.ledger.clawback(make.clawback(f"c-{user}-{n}", user, 4), make.now)
        )

    async def sweep(n: int) -> object:
        return await _outcome(backend.uow, lambda uow: uow.ledger.expire_due(make.now + timedelta(seconds=n)))

    jobs = []
    for n in range(12):
        for user in users:
            jobs.append(reading(user, n))
            if rng.random() < 0.3:
                jobs.append(grant(user, n))
            if rng.random() < 0.2:
                jobs.append(clawback(user, n))
        jobs.append(sweep(n))
    rng.shuffle(jobs)
    results = await asyncio.gather(*jobs)
    unexpected = [r for r in results if isinstance(r, ErrorKind) and r is not ErrorKind.INSUFFICIENT_CREDITS]
    assert unexpected == []
    async with backend.uow() as uow:
        for user in users:
            assert (await uow.ledger.balance(user_account(user))).pending_out == 0


async def test_a_cancelled_unit_of_work_rolls_back_and_frees_the_store(backend, make) -> None:
    started = asyncio.Event()

    async def stuck() -> None:
        async with backend.uow() as uow:
            await uow.ledger.submit(make.grant("g1", "u1", 10), make.now)
            started.set()
            await asyncio.sleep(30)
            await uow.commit()

    task = asyncio.create_task(stuck())
    await asyncio.wait_for(started.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with asyncio.timeout(5):  # the lock (sqlite, memory) or connection (postgres) came back
        async with backend.uow() as uow:
            assert await uow.ledger.get("g1") is None
            await uow.ledger.submit(make.grant("g2", "u1", 10), make.now)
            await uow.commit()
