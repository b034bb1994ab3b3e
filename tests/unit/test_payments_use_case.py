"""Payments applied exactly once: grants, redeliveries, refunds, pre-checkout and subscriptions."""

from __future__ import annotations

import pytest
from unit_world import World

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.use_cases.payments import PaymentService


@pytest.fixture
def payments(world: World) -> PaymentService:
    return PaymentService(world.services)


async def test_a_paid_order_grants_once_however_often_it_is_reported(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "starter", "stars")
    assert (order.amount, order.currency, order.credits) == (150, "XTR", 50)
    first = await payments.mark_paid("stars", order.id, "tg-charge-1", 150, "XTR", "evt-1")
    again = await payments.mark_paid("stars", order.id, "tg-charge-1", 150, "XTR", "evt-1")
    other_event = await payments.mark_paid("stars", order.id, "tg-charge-1", 150, "XTR", "evt-2")
    assert (first.applied, first.credits_granted) == (True, 50)
    assert not again.applied and not other_event.applied
    assert await world.available(uid) == 50
    assert (await world.credits.check()).ok


async def test_a_wrong_amount_is_never_granted(world: World, payments: PaymentService) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "starter", "stars")
    with pytest.raises(TarotError) as caught:
        await payments.mark_paid("stars", order.id, "c", 1, "XTR", "evt-1")
    assert caught.value.kind is ErrorKind.PAYMENT
    assert await world.available(uid) == 0


async def test_pre_checkout_accepts_only_a_known_unpaid_order_at_its_price(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "basic", "stars")
    assert (await payments.check_payable(order.id, order.amount, "XTR")).id == order.id
    for order_id, amount in (("ord_forged", order.amount), (order.id, order.amount - 1)):
        with pytest.raises(TarotError):
            await payments.check_payable(order_id, amount, "XTR")
    await payments.mark_paid("stars", order.id, "c1", order.amount, "XTR", "e1")
    with pytest.raises(TarotError):
        await payments.check_payable(order.id, order.amount, "XTR")


async def test_refunds_take_back_in_proportion_and_record_the_shortfall(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "basic", "stripe", "USD")  # 120 credits for 599
    await payments.mark_paid("stripe", order.id, "ch_1", 599, "USD", "evt_paid")
    half = await payments.mark_refunded("stripe", "ch_1", 300, "evt_r1")
    assert half.credits_taken == 120 * 300 // 599
    assert await payments.mark_refunded("stripe", "ch_1", 300, "evt_r1") == type(half)(applied=False)
    from tarot_domain.use_cases.readings import ReadingRequest

    await world.readings.request_reading(ReadingRequest(uid, "three", "Spend?", "k1"))
    left = await world.available(uid)
    full = await payments.mark_refunded("stripe", "ch_1", 599, "evt_r2")
    owed = 120 - 120 * 300 // 599
    assert full.credits_taken == min(owed, left) and full.shortfall == owed - min(owed, left)
    assert await world.available(uid) == 0
    assert full.payment is not None and full.payment.status is PaymentStatus.REFUNDED
    assert [c.status for c in full.payment.history][-1] is PaymentStatus.REFUNDED
    assert (await world.credits.check()).ok


async def test_a_tier_purchase_starts_and_extends_the_subscription(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    for n in (1, 2):
        order = await payments.create_order(uid, "tier-premium", "stars")
        await payments.mark_paid("stars", order.id, f"c{n}", order.amount, "XTR", f"e{n}")
    user = await world.users.get(uid)
    assert user.tier_id == "tier-premium" and user.tier_until is not None
    assert (user.tier_until - world.clock.now()).days == 62
    assert await world.available(uid) == 1000
    bonus = await payments.create_order(uid, "starter", "stars")
    assert bonus.credits == 50 + 50 * 15 // 100


async def test_unknown_products_and_providers_are_refused(world: World, payments: PaymentService) -> None:
    uid = await world.new_user()
    with pytest.raises(TarotError):
        await payments.create_order(uid, "gold-bars", "stars")
    with pytest.raises(TarotError):
        await payments.create_order(uid, "starter", "paypal")
