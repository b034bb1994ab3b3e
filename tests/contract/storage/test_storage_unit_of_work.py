"""The unit of work: commit makes visible, anything else rolls back."""

from __future__ import annotations

import pytest

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import user_account

pytestmark = pytest.mark.contract


async def _seen(backend) -> tuple[int, int, bool]:
    async with backend.uow() as uow:
        users = await uow.users.count()
        posted = (await uow.ledger.balance(user_account("u1"))).posted
        readings = await uow.readings.get("r1") is not None
    return users, posted, readings


async def _write(uow, make) -> None:
    await uow.users.add(make.user())
    await uow.ledger.submit(make.grant("g1", "u1", 30), make.now)
    await uow.readings.add(make.reading())
    await uow.events.mark("stripe", "evt_1", make.now)


async def test_leaving_without_commit_rolls_back(backend, make) -> None:
    async with backend.uow() as uow:
        await _write(uow, make)
        assert await uow.users.count() == 1  # visible inside
    assert await _seen(backend) == (0, 0, False)
    async with backend.uow() as uow:
        assert await uow.events.mark("stripe", "evt_1", make.now) is True


async def test_commit_makes_everything_visible(backend, make) -> None:
    async with backend.uow() as uow:
        await _write(uow, make)
        await uow.commit()
    assert await _seen(backend) == (1, 30, True)


async def test_an_exception_inside_rolls_back_and_propagates(backend, make) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        async with backend.uow() as uow:
            await _write(uow, make)
            raise RuntimeError("boom")
    assert await _seen(backend) == (0, 0, False)


async def test_work_after_a_commit_needs_its_own_commit(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.users.add(make.user())
        await uow.commit()
        await uow.ledger.submit(make.grant("g1", "u1", 30), make.now)  # not committed
    assert await _seen(backend) == (1, 0, False)
    async with backend.uow() as uow:
        await uow.ledger.submit(make.grant("g1", "u1", 30), make.now)
        await uow.commit()
        await uow.readings.add(make.reading())
        await uow.commit()
    assert await _seen(backend) == (1, 30, True)


async def test_a_refused_operation_leaves_the_unit_of_work_usable(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.users.add(make.user())
        with pytest.raises(TarotError) as caught:
            await uow.ledger.submit(make.hold("h1", "u1", 5), make.now)
        assert caught.value.kind is ErrorKind.INSUFFICIENT_CREDITS
        await uow.ledger.submit(make.grant("g1", "u1", 30), make.now)
        await uow.commit()
    assert await _seen(backend) == (1, 30, False)


async def test_units_of_work_follow_one_another(backend, make) -> None:
    for i in range(20):
        async with backend.uow() as uow:
            await uow.ledger.submit(make.grant(f"g{i}", "u1", 1), make.now)
            await uow.commit()
    assert (await _seen(backend))[1] == 20
