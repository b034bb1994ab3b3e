"""The reading use case on each store: many simultaneous readings against one balance."""

from __future__ import annotations

import asyncio

import pytest
from echo_interpreter import EchoInterpreter

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import invariant_violations, user_account
from tarot_domain.model.spreads import get_spread
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService

pytestmark = pytest.mark.contract


async def test_fifty_readings_at_once_for_a_balance_that_pays_for_five(backend, make) -> None:
    cost = get_spread("single").cost
    services = Services(uow=backend.uow, clock=ManualClock(make.now), random=SeededRandom(3))
    instant = EchoInterpreter("instant", lambda _: 0)  # yields once, so the fifty interleave
    readings = ReadingService(services, instant, instant)
    async with backend.uow() as uow:
        await uow.users.add(make.user(tier_id=None, tier_until=None))
        await uow.ledger.submit(make.grant("g1", "u1", 5 * cost), make.now)
        await uow.commit()

    async def one(i: int) -> object:
        try:
            return await readings.request_reading(
                ReadingRequest("u1", "single", f"Question {i}?", f"key-{i}")
            )
        except TarotError as error:
            return error.kind

    results = await asyncio.gather(*(one(i) for i in range(50)))
    done = [r for r in results if not isinstance(r, ErrorKind)]
    assert len(done) == 5 and all(r.charged == cost and not r.reading.fallback for r in done)
    assert [r for r in results if isinstance(r, ErrorKind)] == [ErrorKind.INSUFFICIENT_CREDITS] * 45
    async with backend.uow() as uow:
        balance = await uow.ledger.balance(user_account("u1"))
        assert (balance.available, balance.posted, balance.pending_out) == (0, 0, 0)
        assert await uow.readings.count_for_user("u1") == 5
        assert {r.reading.hold_id for r in done} <= await uow.readings.hold_ids()
        balances = await uow.ledger.balances()
        assert (
            invariant_violations({b.account: b for b in balances}, await uow.ledger.pending(), make.now) == []
        )
