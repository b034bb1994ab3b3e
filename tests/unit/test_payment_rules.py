"""Issue 14's flows through `PaymentService.apply`: inquiries and chargebacks that add up, renewals
checked against the tier's price, flagged money and the operator's decision, a second Stars charge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_payments_use_case import TelegramRefunds, stars_paid
from unit_world import World

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import Payment, PaymentStatus
from tarot_domain.model.products import STARS, STRIPE
from tarot_domain.use_cases.payments import PaymentService, StarsRefundStatus
from tarot_domain.use_cases.readings import ReadingRequest
from tarot_ports.payments import (
    DisputeUpdated,
    PaymentRefunded,
    PaymentSucceeded,
    ProviderPayment,
    SubscriptionEnded,
)


@pytest.fixture
def payments(world: World) -> PaymentService:
    return PaymentService(world.services)


async def stored(world: World, payment_id: str) -> Payment:
    async with world.store.uow() as uow:
        found = await uow.payments.get(payment_id)
    assert found is not None
    return found


async def paid_pack(world: World, payments: PaymentService, product: str = "starter") -> tuple[str, Payment]:
    uid = await world.new_user()
    order = await payments.create_order(uid, product, STRIPE, "USD")
    facts = ProviderPayment(STRIPE, order.id, "pi_1", order.amount, "USD")
    await payments.apply(PaymentSucceeded(STRIPE, "evt_paid", facts))
    return uid, order


def dispute(event: str, dispute_id: str, status: str, amount: int) -> DisputeUpdated:
    return DisputeUpdated(STRIPE, event, "pi_1", dispute_id, status, amount)


# --------------------------------------------------------------------------- inquiries and chargebacks


async def test_an_inquiry_freezes_purchases_but_takes_no_credits(
    world: World, payments: PaymentService
) -> None:
    uid, order = await paid_pack(world, payments)
    opened = await payments.apply(dispute("e1", "dp_1", "warning_needs_response", order.amount))
    assert opened.applied and opened.credits_taken == 0 and await world.available(uid) == 50
    assert (await world.users.get(uid)).purchases_frozen
    closed = await payments.apply(dispute("e2", "dp_1", "warning_closed", order.amount))
    assert closed.credits_restored == 0 and await world.available(uid) == 50
    assert not (await world.users.get(uid)).purchases_frozen
    assert (await world.credits.check()).ok


async def test_an_inquiry_a_full_refund_and_its_closing_leave_no_credits(
    world: World, payments: PaymentService
) -> None:
    uid, order = await paid_pack(world, payments)  # 50 credits
    await payments.apply(dispute("e1", "dp_1", "warning_needs_response", order.amount))
    await payments.apply(PaymentRefunded(STRIPE, "e2", "pi_1", order.amount))
    await payments.apply(dispute("e3", "dp_1", "warning_closed", order.amount))
    assert await world.available(uid) == 0 and not (await world.users.get(uid)).purchases_frozen
    assert (await world.credits.check()).ok


async def test_two_chargebacks_on_one_payment_claw_back_once(world: World, payments: PaymentService) -> None:
    uid, order = await paid_pack(world, payments)
    await world.credits.grant(uid, 30, "goodwill")  # credits from elsewhere the chargebacks must not touch
    first = await payments.apply(dispute("e1", "dp_1", "needs_response", order.amount))
    second = await payments.apply(dispute("e2", "dp_2", "needs_response", order.amount))
    withdrawn = await payments.apply(dispute("e3", "dp_2", "needs_response", order.amount))  # funds_withdrawn
    assert (first.credits_taken, second.credits_taken, withdrawn.credits_taken) == (50, 0, 0)
    assert await world.available(uid) == 30
    await payments.apply(dispute("e4", "dp_1", "won", order.amount))
    assert await world.available(uid) == 30  # dp_2 still holds the money
    await payments.apply(dispute("e5", "dp_2", "won", order.amount))
    assert await world.available(uid) == 80 and (await world.credits.check()).ok


async def test_a_won_dispute_after_a_refund_restores_only_what_is_still_paid_for(
    world: World, payments: PaymentService
) -> None:
    uid, order = await paid_pack(world, payments, "basic")  # 120 credits for 599
    await payments.apply(dispute("e1", "dp_1", "needs_response", order.amount))
    assert await world.available(uid) == 0
    await payments.apply(PaymentRefunded(STRIPE, "e2", "pi_1", 300))
    won = await payments.apply(dispute("e3", "dp_1", "won", order.amount))
    assert won.credits_restored == 60 and await world.available(uid) == 60
    assert (await world.credits.check()).ok


async def test_credits_spent_before_a_chargeback_are_not_given_twice_when_it_is_won(
    world: World, payments: PaymentService
) -> None:
    uid, order = await paid_pack(world, payments)
    await world.readings.request_reading(ReadingRequest(uid, "three", "Spend first?", "k1"))  # 12 of 50
    opened = await payments.apply(dispute("e1", "dp_1", "needs_response", order.amount))
    assert (opened.credits_taken, opened.shortfall) == (38, 12)
    won = await payments.apply(dispute("e2", "dp_1", "won", order.amount))
    assert won.credits_restored == 38 and await world.available(uid) == 38
    assert (await world.credits.check()).ok


# --------------------------------------------------------------------------- renewals


def invoice(order: Payment, invoice_id: str, amount: int, currency: str = "USD") -> PaymentSucceeded:
    facts = ProviderPayment(STRIPE, order.id, f"pi_{invoice_id}", amount, currency, invoice_id, False)
    return PaymentSucceeded(STRIPE, f"evt_{invoice_id}", facts)


async def subscribed(world: World, payments: PaymentService) -> tuple[str, Payment]:
    uid = await world.new_user()
    order = await payments.create_order(uid, "tier-basic", STRIPE, "USD")  # 150 credits, 499 USD
    first = ProviderPayment(STRIPE, order.id, "pi_in1", order.amount, "USD", "in_1", True)
    assert (await payments.apply(PaymentSucceeded(STRIPE, "evt_in1", first))).credits_granted == 150
    return uid, order


@pytest.mark.parametrize(
    ("amount", "currency", "why"),
    [
        (1, "USD", "a discount we did not issue"),
        (499, "EUR", "renewal paid in EUR"),
        (499, "XXX", "renewal paid in XXX"),
        (999, "USD", "more than the 499 USD price"),
    ],
)
async def test_a_renewal_without_its_tiers_price_is_flagged_and_grants_nothing(
    world: World, payments: PaymentService, amount: int, currency: str, why: str
) -> None:
    uid, order = await subscribed(world, payments)
    until = (await world.users.get(uid)).tier_until
    outcome = await payments.apply(invoice(order, "in_2", amount, currency))
    assert outcome.flagged and outcome.credits_granted == 0 and outcome.payment is not None
    assert why in (outcome.payment.flag or "")
    assert await world.available(uid) == 150 and (await world.users.get(uid)).tier_until == until
    assert [p.id for p in await payments.flagged()] == [f"{order.id}/in_2"]
    assert (await world.credits.check()).ok


async def test_an_invoice_naming_a_pack_order_grants_nothing(world: World, payments: PaymentService) -> None:
    uid, order = await paid_pack(world, payments)
    renewal = await payments.apply(invoice(order, "in_9", order.amount))
    first = ProviderPayment(STRIPE, order.id, "pi_first", order.amount, "USD", "in_8", True)
    as_first = await payments.apply(PaymentSucceeded(STRIPE, "evt_in8", first))
    assert renewal.flagged and as_first.flagged and renewal.payment is not None
    assert "one-off order" in (renewal.payment.flag or "")
    assert await world.available(uid) == 50


async def test_a_renewal_at_its_price_extends_the_tier(world: World, payments: PaymentService) -> None:
    uid, order = await subscribed(world, payments)
    world.clock.advance(timedelta(days=30))
    renewal = await payments.apply(invoice(order, "in_2", 499))
    assert renewal.credits_granted == 150 and not renewal.flagged
    assert (await world.users.get(uid)).tier_until == world.clock.now() + timedelta(days=32)


async def test_an_operator_grants_a_flagged_renewal_and_its_period(
    world: World, payments: PaymentService
) -> None:
    uid, order = await subscribed(world, payments)
    flagged = await payments.apply(invoice(order, "in_2", 1))
    assert flagged.payment is not None
    granted = await payments.decide(flagged.payment.id, True, "a discount support gave")
    assert granted.credits_granted == 150 and await world.available(uid) == 300
    assert (await world.users.get(uid)).tier_until == world.clock.now() + timedelta(days=62)
    with pytest.raises(TarotError) as caught:
        await payments.decide(flagged.payment.id, False, "changed my mind")
    assert caught.value.message_key == "error.not_flagged"
    assert await payments.flagged() == [] and (await world.credits.check()).ok


async def test_an_operator_refuses_a_flagged_payment_for_good(world: World, payments: PaymentService) -> None:
    uid, order = await subscribed(world, payments)
    flagged = await payments.apply(invoice(order, "in_2", 499, "XXX"))
    assert flagged.payment is not None
    refused = await payments.decide(flagged.payment.id, False, "not a currency")
    assert refused.payment is not None and refused.payment.status is PaymentStatus.REFUSED
    assert refused.credits_granted == 0 and await world.available(uid) == 150
    await payments.apply(SubscriptionEnded(STRIPE, "evt_end", order.id, "sub_1"))
    with pytest.raises(TarotError) as caught:
        await payments.decide("ord_missing", True, "x")
    assert caught.value.kind is ErrorKind.NOT_FOUND


# --------------------------------------------------------------------------- Telegram Stars


async def test_a_second_stars_charge_is_flagged_and_refundable_on_its_own(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user("telegram:42")
    order = await payments.create_order(uid, "starter", STARS)
    await payments.apply(stars_paid(order, "tg-1"))
    second = await payments.apply(stars_paid(order, "tg-2"))
    assert second.flagged and second.payment is not None and second.payment.id == f"{order.id}/tg-2"
    assert await world.available(uid) == 50
    telegram = TelegramRefunds()
    refund = await payments.refund_stars_order(second.payment.id, telegram)
    assert refund.status is StarsRefundStatus.REFUNDED and telegram.done == [("telegram:42", "tg-2")]
    assert refund.event is not None and refund.event.credits_taken == 0  # it never granted any
    assert (await stored(world, order.id)).status is PaymentStatus.PAID
    assert await world.available(uid) == 50 and (await world.credits.check()).ok


async def test_a_mismatched_first_period_told_twice_is_one_flagged_record(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "tier-basic", STRIPE, "USD")
    session = ProviderPayment(STRIPE, order.id, None, 1, "USD", "in_1", True)  # checkout.session.completed
    first = ProviderPayment(STRIPE, order.id, "pi_in1", 1, "USD", "in_1", True)  # its invoice.paid
    assert (await payments.apply(PaymentSucceeded(STRIPE, "evt_session", session))).flagged
    assert not (await payments.apply(PaymentSucceeded(STRIPE, "evt_invoice", first))).applied
    (flagged,) = await payments.flagged()
    assert (flagged.id, flagged.provider_ref) == (f"{order.id}/in_1", "pi_in1")
    assert await world.available(uid) == 0
