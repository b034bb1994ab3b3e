"""An operator's refund of a Stripe payment (`tarot admin refund ORDER`, `PaymentService.refund_order`):
the money goes back through Stripe's API and the balancing claw-back is booked at once; Stripe's own
`charge.refunded` arriving afterwards changes nothing."""

from __future__ import annotations

import pytest
from fake_stripe import FakeStripe
from stripe_harness import open_shop

from tarot_domain.model.errors import TarotError
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.use_cases.payments import RefundStatus

pytestmark = pytest.mark.contract


async def test_an_operator_refund_claws_back_once_whatever_stripe_says_later(fake_stripe: FakeStripe) -> None:
    async with open_shop(fake_stripe) as shop:
        fake_stripe.hold_events = True  # the webhook of the refund comes later
        checkout = await shop.checkout("olga", "basic")
        await fake_stripe.complete_session(checkout["session_id"])
        await fake_stripe.deliver()
        assert await shop.available("olga") == 120
        (order,) = await shop.payments.orders(await shop.user_id("olga"))

        done = await shop.payments.refund_order(order.id, "asked by the buyer")
        assert done.status is RefundStatus.DONE and done.event is not None
        assert done.event.credits_taken == 120 and await shop.available("olga") == 0
        assert done.payment.status is PaymentStatus.REFUNDED and done.payment.refunded_amount == 599
        (refund,) = fake_stripe.refunds.values()
        assert refund["amount"] == 599

        fake_stripe.hold_events = False
        await fake_stripe.deliver()  # charge.refunded and refund.created reach the webhook
        assert all(d.status == 200 for d in fake_stripe.deliveries)
        assert await shop.available("olga") == 0 and (await shop.credits.check()).ok
        with pytest.raises(TarotError, match="no money left"):
            await shop.payments.refund_order(order.id, "again")
        assert len(fake_stripe.refunds) == 1
