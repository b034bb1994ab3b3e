"""The whole purchase: a frontend asks `tarot web` for a checkout, the customer pays at (fake) Stripe,
Stripe's signed webhooks reach the app, and the balance moves; then refunds, disputes, renewals and
cancellation, in order and out of it."""

from __future__ import annotations

import pytest
from fake_stripe import FakeStripe
from stripe_harness import AUTH, open_shop

pytestmark = pytest.mark.contract


async def test_buying_a_pack_end_to_end(fake_stripe: FakeStripe) -> None:
    async with open_shop(fake_stripe) as shop:
        checkout = await shop.checkout("alice", "basic")
        assert checkout["url"].startswith(fake_stripe.url) and await shop.available("alice") == 0
        session = await fake_stripe.complete_session(checkout["session_id"])
        assert [d.status for d in fake_stripe.deliveries] == [200]
        assert await shop.available("alice") == 120
        balance = await (await shop.client.get("/v1/users/alice/balance", headers=AUTH)).json()
        assert balance["available"] == 120

        for event in fake_stripe.events:  # Stripe redelivers: nothing changes
            await fake_stripe.deliver([event, event, event])
        assert await shop.available("alice") == 120

        await fake_stripe.refund(session["payment_intent"], 300)
        await fake_stripe.settle()
        assert await shop.available("alice") == 60

        dispute = await fake_stripe.open_dispute(session["payment_intent"])
        # the disputed 299 is all the money the refund left: all the credits go, none is made up
        assert await shop.available("alice") == 0
        frozen = await shop.client.post("/v1/users/alice/checkout", json={"product": "basic"}, headers=AUTH)
        assert frozen.status == 403
        await fake_stripe.close_dispute(dispute["id"], "won")
        assert await shop.available("alice") == 60
        assert all(d.status == 200 for d in fake_stripe.deliveries)
        assert (await shop.credits.check()).ok


async def test_a_delayed_bank_payment_grants_when_it_succeeds(fake_stripe: FakeStripe) -> None:
    async with open_shop(fake_stripe) as shop:
        checkout = await shop.checkout("bob", "starter", "UAH")
        await fake_stripe.complete_session(checkout["session_id"], async_payment=True)
        assert await shop.available("bob") == 0
        await fake_stripe.succeed_async_payment(checkout["session_id"])
        assert await shop.available("bob") == 50


async def test_a_subscription_end_to_end(fake_stripe: FakeStripe) -> None:
    async with open_shop(fake_stripe) as shop:
        checkout = await shop.checkout("carol", "tier-basic")
        session = await fake_stripe.complete_session(checkout["session_id"])  # invoice.paid + completion
        assert await shop.available("carol") == 150  # one period, granted once
        user = await shop.users.get(await shop.user_id("carol"))
        assert user.tier_id == "tier-basic"
        renewal = await fake_stripe.renew_subscription(session["subscription"])
        assert await shop.available("carol") == 300
        await fake_stripe.refund(renewal["payment_intent"])
        await fake_stripe.settle()
        assert await shop.available("carol") == 150
        await fake_stripe.end_subscription(session["subscription"])
        user = await shop.users.get(await shop.user_id("carol"))
        assert user.tier_id is None
        assert all(d.status == 200 for d in fake_stripe.deliveries)


async def test_events_delivered_backwards_end_as_if_in_order(fake_stripe: FakeStripe) -> None:
    async with open_shop(fake_stripe) as shop:
        fake_stripe.hold_events = True
        checkout = await shop.checkout("dave", "basic")
        session = await fake_stripe.complete_session(checkout["session_id"])
        await fake_stripe.refund(session["payment_intent"], 300)
        dispute = await fake_stripe.open_dispute(session["payment_intent"])
        await fake_stripe.close_dispute(dispute["id"], "won")
        events = list(fake_stripe.held)
        fake_stripe.held.clear()
        fake_stripe.hold_events = False
        # the refund and the dispute overtake the payment: the app asks Stripe for fresh state
        await fake_stripe.deliver(events[::-1] + events)
        assert all(d.status == 200 for d in fake_stripe.deliveries)
        assert await shop.available("dave") == 60
        assert not (await shop.users.get(await shop.user_id("dave"))).purchases_frozen
        assert (await shop.credits.check()).ok


async def test_a_forged_or_stale_webhook_changes_nothing(fake_stripe: FakeStripe) -> None:
    async with open_shop(fake_stripe) as shop:
        fake_stripe.hold_events = True
        checkout = await shop.checkout("erin", "basic")
        await fake_stripe.complete_session(checkout["session_id"])
        real_secret = fake_stripe.webhook_secret
        fake_stripe.webhook_secret = "whsec_forged"
        assert [d.status for d in await fake_stripe.deliver()] == [400]
        fake_stripe.webhook_secret = real_secret
        now = fake_stripe.clock
        fake_stripe.clock = lambda: now() - 3600
        assert [d.status for d in await fake_stripe.deliver(fake_stripe.events)] == [400]
        assert await shop.available("erin") == 0
        fake_stripe.clock = now
        assert [d.status for d in await fake_stripe.deliver(fake_stripe.events)] == [200]
        assert await shop.available("erin") == 120
