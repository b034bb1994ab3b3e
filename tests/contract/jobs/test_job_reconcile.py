"""Reconciliation against the fake Stripe server: events the webhook never got are listed, applied once
through the webhook's own path, and a second reconciliation (or the late webhook) changes nothing."""

from __future__ import annotations

import pytest
from attrs import evolve
from fake_stripe import FakeStripe
from stripe_harness import open_shop, stripe_client

from adapters.memory.randomness import SeededRandom
from adapters.postgres.lock import PostgresJobLock
from adapters.postgres.storage import PostgresStore
from adapters.stripe_http.events import StripeEventTranslator
from adapters.stripe_http.gateway import StripePaymentGateway
from adapters.system.clock import SystemClock
from runners.jobs import RECONCILE, StripeEventFeed, build_jobs, run_once
from tarot_domain.model.products import STRIPE, Promotions, default_catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.users import UserService

pytestmark = pytest.mark.contract


async def test_a_missed_payment_is_applied_once_on_postgres(
    fake_stripe: FakeStripe, pg_store: PostgresStore, lock_namespace: str
) -> None:
    fake_stripe.hold_events = True  # the webhook never hears of anything
    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
    services = Services(uow=pg_store.uow, clock=SystemClock(), random=SeededRandom(5), catalog=catalog)
    client = stripe_client(fake_stripe)
    try:
        payments = PaymentService(services, [StripePaymentGateway(client)])
        credits = CreditService(services)
        uid = (await UserService(services).register("api:shop:erin", "en")).user.id
        checkout = await payments.start_checkout(uid, "starter", STRIPE, "USD", "https://ok", "https://no")
        await fake_stripe.complete_session(checkout.session.id)
        assert (await credits.balance(uid)).available == 0

        jobs = build_jobs(
            credits=credits,
            uow_factory=pg_store.uow,
            clock=services.clock,
            payments=payments,
            event_feed=StripeEventFeed(client),
        )
        lock = PostgresJobLock(pg_store.pool, namespace=lock_namespace)
        first = await run_once(RECONCILE, jobs, lock)
        assert first.outcome == "ok", first.error
        assert first.counts == {"listed": 1, "new": 1, "applied": 1}
        assert (await credits.balance(uid)).available == 50

        fake_stripe.requests.clear()
        second = await run_once(RECONCILE, jobs, lock)
        assert second.counts == {"listed": 1, "new": 0, "applied": 0}
        assert [(method, path) for method, path, *_ in fake_stripe.requests] == [("GET", "/v1/events")]
        assert (await credits.balance(uid)).available == 50

        [event] = fake_stripe.events[-1:]  # the webhook finally arrives: a duplicate
        late = await payments.apply(await StripeEventTranslator(client).translate(event))
        assert not late.applied and (await credits.balance(uid)).available == 50
        assert (await credits.check()).ok
    finally:
        await client.aclose()


async def test_a_subscription_renewal_whose_invoice_paid_never_arrived(fake_stripe: FakeStripe) -> None:
    async with open_shop(fake_stripe) as shop:  # `tarot web` with its real webhook endpoint
        checkout = await shop.checkout("fay", "tier-basic")
        session = await fake_stripe.complete_session(checkout["session_id"])  # delivered
        assert await shop.available("fay") == 150
        fake_stripe.hold_events = True
        await fake_stripe.renew_subscription(session["subscription"])  # invoice.paid is lost
        assert await shop.available("fay") == 150

        client = stripe_client(fake_stripe)
        try:
            jobs = build_jobs(
                credits=shop.credits,
                uow_factory=shop.store.uow,
                clock=SystemClock(),
                payments=shop.payments,
                event_feed=StripeEventFeed(client),
            )
            first = await run_once(RECONCILE, jobs)
            assert (first.counts["new"], first.counts["applied"]) == (1, 1)
            assert await shop.available("fay") == 300
            second = await run_once(RECONCILE, jobs)
            assert (second.counts["new"], second.counts["applied"]) == (0, 0)
        finally:
            await client.aclose()

        fake_stripe.hold_events = False
        await fake_stripe.deliver()  # the lost deliveries turn up after all
        assert all(d.status == 200 for d in fake_stripe.deliveries)
        assert await shop.available("fay") == 300
        user = await shop.users.get(await shop.user_id("fay"))
        assert user.tier_id == "tier-basic"
        assert (await shop.credits.check()).ok
