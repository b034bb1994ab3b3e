"""LedgerRepository: the rules of tarot_domain.model.ledger (LedgerBook) on every backend."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    ISSUANCE_STRIPE,
    REVENUE_READINGS,
    Balance,
    TransferKind,
    TransferRequest,
    TransferState,
    user_account,
)

pytestmark = pytest.mark.contract

A = user_account("a")
B = user_account("b")


async def _submit(backend, request, now):
    async with backend.uow() as uow:
        transfer = await uow.ledger.submit(request, now)
        await uow.commit()
    return transfer


async def _balances(backend):
    async with backend.uow() as uow:
        return {b.account: b for b in await uow.ledger.balances()}


async def _expect(kind: ErrorKind, coro) -> TarotError:
    with pytest.raises(TarotError) as caught:
        await coro
    assert caught.value.kind is kind, caught.value
    return caught.value


async def test_a_posted_grant_moves_credits_at_once(backend, make) -> None:
    t = await _submit(backend, make.grant("g1", "a", 50, reference="welcome"), make.now)
    assert (t.id, t.debit, t.credit, t.amount, t.requested) == ("g1", ISSUANCE_GRANTS, A, 50, 50)
    assert t.kind is TransferKind.GRANT and t.state is TransferState.POSTED and t.reference == "welcome"
    assert t.created_at == make.now and t.expires_at is None and t.resolved_at is None and not t.balancing
    async with backend.uow() as uow:
        assert await uow.ledger.get("g1") == t
        assert await uow.ledger.get("g2") is None
        assert await uow.ledger.balance(A) == Balance(A, posted=50)
        assert await uow.ledger.balance(ISSUANCE_GRANTS) == Balance(ISSUANCE_GRANTS, posted=-50)
        assert await uow.ledger.balance("user:nobody") == Balance("user:nobody")
        assert await uow.ledger.pending() == []


async def test_replaying_an_id_with_the_same_fields_returns_the_original(backend, make) -> None:
    first = await _submit(backend, make.grant("g1", "a", 50), make.now)
    again = await _submit(backend, make.grant("g1", "a", 50), make.now + timedelta(hours=1))
    assert again == first and again.created_at == make.now
    assert (await _balances(backend))[A].posted == 50


@pytest.mark.parametrize(
    "changes",
    [
        {"amount": 51},
        {"credit": B},
        {"kind": TransferKind.PURCHASE},
        {"reference": "other"},
        {"pending": True},
    ],
)
async def test_replaying_an_id_with_different_fields_is_a_conflict(backend, make, changes) -> None:
    await _submit(backend, make.grant("g1", "a", 50), make.now)
    async with backend.uow() as uow:
        await _expect(
            ErrorKind.CONFLICT, uow.ledger.submit(evolve(make.grant("g1", "a", 50), **changes), make.now)
        )
    assert (await _balances(backend))[A] == Balance(A, posted=50)


async def test_insufficient_credits_changes_nothing(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 10), make.now)
    before = await _balances(backend)
    async with backend.uow() as uow:
        error = await _expect(
            ErrorKind.INSUFFICIENT_CREDITS, uow.ledger.submit(make.hold("h1", "a", 11), make.now)
        )
        assert dict(error.params) == {"needed": 11, "available": 10}
        spend = TransferRequest("s1", A, REVENUE_READINGS, 11, TransferKind.READING)
        await _expect(ErrorKind.INSUFFICIENT_CREDITS, uow.ledger.submit(spend, make.now))
        assert await uow.ledger.get("h1") is None
        # a user with no account row at all
        await _expect(ErrorKind.INSUFFICIENT_CREDITS, uow.ledger.submit(make.hold("h2", "b", 1), make.now))
        await uow.commit()
    assert await _balances(backend) == before
    async with backend.uow() as uow:
        assert [t.id for t in await uow.ledger.history(A)] == ["g1"]
    # the refused id is not burned: once there are credits it goes through
    await _submit(backend, make.grant("g2", "a", 1), make.now)
    held = await _submit(backend, make.hold("h1", "a", 11), make.now)
    assert held.state is TransferState.PENDING


async def test_system_accounts_may_go_negative_users_may_not(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 5), make.now)
    back = TransferRequest("r1", REVENUE_READINGS, A, 3, TransferKind.RESTORE)
    await _submit(backend, back, make.now)
    balances = await _balances(backend)
    assert balances[REVENUE_READINGS].posted == -3 and balances[A].posted == 8


async def test_holds_count_against_available(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 20), make.now)
    hold = await _submit(backend, make.hold("h1", "a", 15, hold_ttl=timedelta(minutes=3)), make.now)
    assert hold.state is TransferState.PENDING and hold.expires_at == make.now + timedelta(minutes=3)
    async with backend.uow() as uow:
        assert await uow.ledger.balance(A) == Balance(A, posted=20, pending_out=15)
        assert (await uow.ledger.balance(A)).available == 5
        assert await uow.ledger.balance(REVENUE_READINGS) == Balance(REVENUE_READINGS, pending_in=15)
        assert await uow.ledger.pending() == [hold]
        await _expect(ErrorKind.INSUFFICIENT_CREDITS, uow.ledger.submit(make.hold("h2", "a", 6), make.now))


async def test_hold_then_post_then_idempotent_repost(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 20), make.now)
    hold = await _submit(backend, make.hold("h1", "a", 12), make.now)
    later = make.now + timedelta(minutes=2)
    async with backend.uow() as uow:
        posted = await uow.ledger.post("h1", later)
        await uow.commit()
    assert posted == evolve(hold, state=TransferState.POSTED, resolved_at=later)
    async with backend.uow() as uow:
        assert await uow.ledger.post("h1", later + timedelta(minutes=1)) == posted  # replay
        assert await uow.ledger.get("h1") == posted
        assert await uow.ledger.balance(A) == Balance(A, posted=8)
        assert await uow.ledger.balance(REVENUE_READINGS) == Balance(REVENUE_READINGS, posted=12)
        assert await uow.ledger.pending() == []
        await _expect(ErrorKind.CONFLICT, uow.ledger.void("h1", later))


async def test_hold_then_void_then_post_is_a_conflict(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 20), make.now)
    await _submit(backend, make.hold("h1", "a", 12), make.now)
    async with backend.uow() as uow:
        voided = await uow.ledger.void("h1", make.now)
        await uow.commit()
    assert voided.state is TransferState.VOIDED and voided.resolved_at == make.now
    async with backend.uow() as uow:
        assert await uow.ledger.void("h1", make.now + timedelta(seconds=5)) == voided
        await _expect(ErrorKind.CONFLICT, uow.ledger.post("h1", make.now))
        assert await uow.ledger.balance(A) == Balance(A, posted=20)
        assert await uow.ledger.balance(REVENUE_READINGS) == Balance(REVENUE_READINGS)


async def test_post_and_void_of_unknown_ids(backend, make) -> None:
    async with backend.uow() as uow:
        await _expect(ErrorKind.NOT_FOUND, uow.ledger.post("nope", make.now))
        await _expect(ErrorKind.NOT_FOUND, uow.ledger.void("nope", make.now))


async def test_a_posted_transfer_reposts_but_cannot_be_voided(backend, make) -> None:
    grant = await _submit(backend, make.grant("g1", "a", 20), make.now)
    async with backend.uow() as uow:
        assert await uow.ledger.post("g1", make.now) == grant
        await _expect(ErrorKind.CONFLICT, uow.ledger.void("g1", make.now))


async def test_posting_past_expiry_is_refused(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 20), make.now)
    await _submit(backend, make.hold("h1", "a", 12, hold_ttl=timedelta(minutes=10)), make.now)
    async with backend.uow() as uow:
        error = await _expect(ErrorKind.CONFLICT, uow.ledger.post("h1", make.now + timedelta(minutes=10)))
        assert error.message_key == "error.hold_expired"
        held = await uow.ledger.get("h1")
        assert held is not None and held.state is TransferState.PENDING
        # a hold past its time may still be released by hand
        voided = await uow.ledger.void("h1", make.now + timedelta(minutes=11))
        assert voided.state is TransferState.VOIDED
        await uow.commit()


async def test_expire_due_sweeps_only_due_holds(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 50), make.now)
    short = await _submit(backend, make.hold("h1", "a", 10, hold_ttl=timedelta(minutes=5)), make.now)
    exact = await _submit(backend, make.hold("h2", "a", 10, hold_ttl=timedelta(minutes=10)), make.now)
    await _submit(backend, make.hold("h3", "a", 10, hold_ttl=timedelta(minutes=15)), make.now)
    await _submit(backend, make.hold("h4", "a", 10, hold_ttl=timedelta(minutes=1)), make.now)
    async with backend.uow() as uow:
        await uow.ledger.post("h4", make.now)
        await uow.commit()
    sweep = make.now + timedelta(minutes=10)
    async with backend.uow() as uow:
        expired = await uow.ledger.expire_due(sweep)
        await uow.commit()
    assert expired == [
        evolve(short, state=TransferState.EXPIRED, resolved_at=sweep),
        evolve(exact, state=TransferState.EXPIRED, resolved_at=sweep),
    ]
    async with backend.uow() as uow:
        assert await uow.ledger.expire_due(sweep) == []
        assert [t.id for t in await uow.ledger.pending()] == ["h3"]
        assert await uow.ledger.balance(A) == Balance(A, posted=40, pending_out=10)
        assert await uow.ledger.balance(REVENUE_READINGS) == Balance(
            REVENUE_READINGS, posted=10, pending_in=10
        )
        await _expect(ErrorKind.CONFLICT, uow.ledger.post("h1", sweep))
        await _expect(ErrorKind.CONFLICT, uow.ledger.void("h1", sweep))
        assert (await uow.ledger.get("h1")) == expired[0]


async def test_clawback_takes_what_is_available_and_reports_the_shortfall(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 30), make.now)
    await _submit(backend, make.hold("h1", "a", 10), make.now)  # holds are not clawed back
    async with backend.uow() as uow:
        result = await uow.ledger.clawback(make.clawback("c1", "a", 50), make.now)
        await uow.commit()
    assert (result.requested, result.taken, result.shortfall) == (50, 20, 30)
    t = result.transfer
    assert (t.amount, t.requested, t.shortfall, t.balancing) == (20, 50, 30, True)
    assert t.state is TransferState.POSTED and t.kind is TransferKind.CLAWBACK
    await _submit(backend, make.grant("g2", "a", 100), make.now)
    async with backend.uow() as uow:
        replay = await uow.ledger.clawback(make.clawback("c1", "a", 50), make.now + timedelta(days=1))
        assert replay == result  # replays never take more, even with new credits
        await _expect(ErrorKind.CONFLICT, uow.ledger.clawback(make.clawback("c1", "a", 60), make.now))
        assert await uow.ledger.balance(A) == Balance(A, posted=110, pending_out=10)
        assert await uow.ledger.balance(ISSUANCE_STRIPE) == Balance(ISSUANCE_STRIPE, posted=20)


async def test_a_clawback_that_finds_nothing_is_recorded_with_zero(backend, make) -> None:
    async with backend.uow() as uow:
        empty = await uow.ledger.clawback(make.clawback("c1", "nobody", 40), make.now)
        await uow.commit()
    assert (empty.taken, empty.shortfall) == (0, 40)
    assert empty.transfer.amount == 0 and empty.transfer.requested == 40
    await _submit(backend, make.grant("g1", "nobody", 100), make.now)
    async with backend.uow() as uow:
        again = await uow.ledger.clawback(make.clawback("c1", "nobody", 40), make.now)
        assert again == empty and again.taken == 0
        assert (await uow.ledger.balance(user_account("nobody"))).posted == 100


async def test_clawback_from_a_system_account_takes_everything(backend, make) -> None:
    request = make.clawback("c1", "a", 40, debit=REVENUE_READINGS, credit=ISSUANCE_STRIPE)
    async with backend.uow() as uow:
        result = await uow.ledger.clawback(request, make.now)
        await uow.commit()
    assert result.taken == 40 and result.shortfall == 0


async def test_balancing_and_plain_requests_do_not_mix(backend, make) -> None:
    async with backend.uow() as uow:
        await _expect(ErrorKind.VALIDATION, uow.ledger.clawback(make.grant("g1", "a", 5), make.now))
        await _expect(ErrorKind.VALIDATION, uow.ledger.submit(make.clawback("c1", "a", 5), make.now))


async def test_balances_list_every_account_that_moved(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 30), make.now)
    await _submit(backend, make.hold("h1", "a", 10), make.now)
    await _submit(
        backend, make.grant("g2", "b", 5, debit=ISSUANCE_STRIPE, kind=TransferKind.PURCHASE), make.now
    )
    assert await _balances(backend) == {
        ISSUANCE_GRANTS: Balance(ISSUANCE_GRANTS, posted=-30),
        ISSUANCE_STRIPE: Balance(ISSUANCE_STRIPE, posted=-5),
        REVENUE_READINGS: Balance(REVENUE_READINGS, pending_in=10),
        A: Balance(A, posted=30, pending_out=10),
        B: Balance(B, posted=5),
    }


async def test_history_is_newest_first_with_limit_and_offset(backend, make) -> None:
    await _submit(backend, make.grant("g1", "a", 30), make.now)
    await _submit(backend, make.grant("g-b", "b", 30), make.now)
    await _submit(backend, make.hold("h1", "a", 5), make.now)  # same instant: insertion order decides
    await _submit(backend, make.clawback("c1", "a", 1, balancing=False, kind=TransferKind.CLAWBACK), make.now)
    async with backend.uow() as uow:
        await uow.ledger.post("h1", make.now + timedelta(seconds=1))  # resolving does not reorder
        await uow.commit()
    await _submit(backend, make.grant("g2", "a", 1), make.now + timedelta(seconds=2))
    async with backend.uow() as uow:
        assert [t.id for t in await uow.ledger.history(A)] == ["g2", "c1", "h1", "g1"]
        assert [t.id for t in await uow.ledger.history(A, limit=2)] == ["g2", "c1"]
        assert [t.id for t in await uow.ledger.history(A, limit=2, offset=1)] == ["c1", "h1"]
        assert [t.id for t in await uow.ledger.history(A, offset=3)] == ["g1"]
        assert await uow.ledger.history(A, offset=4) == []
        assert [t.id for t in await uow.ledger.history(ISSUANCE_GRANTS)] == ["g2", "g-b", "g1"]
        assert await uow.ledger.history("user:nobody") == []
        h1 = (await uow.ledger.history(A, limit=1, offset=2))[0]
        assert h1.state is TransferState.POSTED
