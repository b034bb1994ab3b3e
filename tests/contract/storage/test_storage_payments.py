"""PaymentRepository and ProcessedEventRepository on every backend."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import Dispute, PaymentStatus, StatusChange

pytestmark = pytest.mark.contract


async def test_add_get_and_get_by_provider_ref(backend, make) -> None:
    payment = make.payment(provider_ref="cs_123")
    async with backend.uow() as uow:
        await uow.payments.add(payment)
        await uow.payments.add(make.payment("p2", provider="stars", provider_ref="cs_123", history=()))
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.payments.get("p1") == payment
        assert await uow.payments.get_by_provider_ref("stripe", "cs_123") == payment
        assert (await uow.payments.get_by_provider_ref("stars", "cs_123")) == make.payment(
            "p2", provider="stars", provider_ref="cs_123", history=()
        )
        assert await uow.payments.get_by_provider_ref("stripe", "cs_404") is None
        assert await uow.payments.get("p404") is None


async def test_add_refuses_a_taken_id(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.payments.add(make.payment())
        with pytest.raises(TarotError) as caught:
            await uow.payments.add(make.payment(amount=1))
        assert caught.value.kind is ErrorKind.CONFLICT
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.payments.get("p1") == make.payment()


async def test_a_provider_ref_belongs_to_one_payment(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.payments.add(make.payment(provider_ref="ch_1"))
        with pytest.raises(TarotError) as caught:
            await uow.payments.add(make.payment("p2", provider_ref="ch_1"))
        assert caught.value.kind is ErrorKind.CONFLICT
        await uow.payments.add(make.payment("p3"))
        with pytest.raises(TarotError) as on_update:
            await uow.payments.update(make.payment("p3", provider_ref="ch_1"))
        assert on_update.value.kind is ErrorKind.CONFLICT


async def test_update_stores_the_new_state_and_appends_history(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.payments.add(make.payment())
        await uow.commit()
    paid_at = make.now + timedelta(minutes=3)
    paid = evolve(make.payment(), status=PaymentStatus.PAID, provider_ref="ch_9", granted=15)
    async with backend.uow() as uow:
        stored = await uow.payments.update(
            paid, StatusChange(PaymentStatus.PAID, paid_at, "checkout.session.completed")
        )
        await uow.commit()
    assert stored.version == 1 and stored.history[-1].note == "checkout.session.completed"
    refunded = evolve(stored, status=PaymentStatus.REFUNDED, refunded_amount=200, taken=6)
    async with backend.uow() as uow:
        quiet = await uow.payments.update(refunded)  # no change recorded
        await uow.payments.update(quiet, StatusChange(PaymentStatus.REFUNDED, paid_at + timedelta(days=1)))
        await uow.commit()
    async with backend.uow() as uow:
        stored = await uow.payments.get("p1")
        assert stored == evolve(
            refunded,
            version=3,
            history=(
                *make.payment().history,
                StatusChange(PaymentStatus.PAID, paid_at, "checkout.session.completed"),
                StatusChange(PaymentStatus.REFUNDED, paid_at + timedelta(days=1)),
            ),
        )
        assert await uow.payments.get_by_provider_ref("stripe", "ch_9") == stored
        with pytest.raises(TarotError) as caught:
            await uow.payments.update(make.payment("p404"))
        assert caught.value.kind is ErrorKind.NOT_FOUND


async def test_a_state_computed_from_a_stale_version_is_refused(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.payments.add(make.payment())
        await uow.commit()
    read = make.payment()  # version 0, as two units of work both read it
    async with backend.uow() as uow:
        await uow.payments.update(evolve(read, refunded_amount=100))
        await uow.commit()
    async with backend.uow() as uow:
        with pytest.raises(TarotError) as caught:
            await uow.payments.update(evolve(read, refunded_amount=499))
        assert caught.value.kind is ErrorKind.DATABASE and caught.value.retryable
    async with backend.uow() as uow:
        stored = await uow.payments.get("p1")
    assert stored is not None and (stored.version, stored.refunded_amount) == (1, 100)


async def test_the_aggregate_state_round_trips(backend, make) -> None:
    disputed = make.payment(
        granted=15, taken=9, restored=3, flag="paid 1 of 499 usd", status=PaymentStatus.FLAGGED,
        disputes=(Dispute("dp_1", "warning_closed", 499), Dispute("dp_2", "needs_response", 200)),
    )  # fmt: skip
    async with backend.uow() as uow:
        await uow.payments.add(disputed)
        await uow.payments.add(make.payment("p2", created_at=make.now - timedelta(days=1), flag="second"))
        await uow.payments.add(make.payment("p3"))
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.payments.get("p1") == disputed
        assert [p.id for p in await uow.payments.list_flagged()] == ["p2", "p1"]
        assert [p.id for p in await uow.payments.list_flagged(limit=1)] == ["p2"]


async def test_list_for_user_is_newest_first(backend, make) -> None:
    async with backend.uow() as uow:
        for i in range(4):
            await uow.payments.add(make.payment(f"p{i}", created_at=make.now + timedelta(minutes=i)))
        await uow.payments.add(make.payment("q1", user_id="u2"))
        await uow.commit()
    async with backend.uow() as uow:
        assert [p.id for p in await uow.payments.list_for_user("u1")] == ["p3", "p2", "p1", "p0"]
        assert [p.id for p in await uow.payments.list_for_user("u1", limit=2)] == ["p3", "p2"]
        assert await uow.payments.list_for_user("nobody") == []


async def test_an_event_is_marked_once(backend, make) -> None:
    async with backend.uow() as uow:
        assert await uow.events.mark("stripe", "evt_1", make.now) is True
        assert await uow.events.mark("stripe", "evt_1", make.now) is False
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.events.mark("stripe", "evt_1", make.now) is False
        assert await uow.events.mark("telegram", "evt_1", make.now) is True
        assert await uow.events.mark("stripe", "evt_2", make.now) is True


async def test_a_subscription_period_and_a_refund_request_round_trip(backend, make) -> None:
    ends = make.now + timedelta(days=30)
    asked = make.payment(
        status=PaymentStatus.FLAGGED, provider="stars", provider_ref="stx_1", flag="a second charge",
        refund_request="a second charge", period_end=ends,
    )  # fmt: skip
    async with backend.uow() as uow:
        await uow.payments.add(asked)
        await uow.payments.add(make.payment("p0", refund_request="asked", created_at=make.now - timedelta(1)))
        await uow.payments.add(make.payment("p2", period_end=ends))
        await uow.commit()
    async with backend.uow() as uow:
        stored = await uow.payments.get("p1")
        assert stored == asked and stored.period_end == ends and stored.refund_request == "a second charge"
        assert [p.id for p in await uow.payments.list_refund_requests()] == ["p0", "p1"]
        assert [p.id for p in await uow.payments.list_refund_requests(limit=1)] == ["p0"]
        done = evolve(stored, refund_request=None, status=PaymentStatus.REFUNDED, refunded_amount=499)
        await uow.payments.update(done, StatusChange(PaymentStatus.REFUNDED, make.now, "returned"))
        await uow.commit()
    async with backend.uow() as uow:
        assert [p.id for p in await uow.payments.list_refund_requests()] == ["p0"]
        assert (await uow.payments.get("p1")).period_end == ends  # type: ignore[union-attr]
