"""Payments applied exactly once: grants, redeliveries, refunds, pre-checkout and subscriptions.

Telegram Stars and Stripe go through the same `PaymentService.apply`."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from unit_world import World

from adapters.memory.payment_gateway import MemoryPaymentGateway
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import Payment, PaymentStatus
from tarot_domain.model.products import STARS, STRIPE
from tarot_domain.model.users import User
from tarot_domain.use_cases.payments import PaymentService, StarsRefundStatus
from tarot_ports.payments import (
    DisputeUpdated,
    EventIgnored,
    PaymentFailed,
    PaymentRefunded,
    PaymentSucceeded,
    ProviderEvent,
    ProviderPayment,
    SubscriptionEnded,
)


@pytest.fixture
def payments(world: World) -> PaymentService:
    return PaymentService(world.services)


def stars_paid(order: Payment, charge: str, amount: int | None = None) -> PaymentSucceeded:
    """Telegram's successful-payment message for `order`, as the bot hands it to the use case."""
    paid = order.amount if amount is None else amount
    return PaymentSucceeded(STARS, f"tg:{charge}", ProviderPayment(STARS, order.id, charge, paid, "XTR"))


def stars_refunded(charge: str, amount: int) -> PaymentRefunded:
    return PaymentRefunded(STARS, f"refund:{charge}", charge, amount)


async def test_a_paid_order_grants_once_however_often_it_is_reported(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "starter", "stars")
    assert (order.amount, order.currency, order.credits) == (150, "XTR", 50)
    first = await payments.apply(stars_paid(order, "tg-charge-1"))
    again = await payments.apply(stars_paid(order, "tg-charge-1"))
    other_event = await payments.apply(  # the same charge under another event id: the charge decides
        PaymentSucceeded(STARS, "evt-2", ProviderPayment(STARS, order.id, "tg-charge-1", 150, "XTR"))
    )
    assert (first.applied, first.credits_granted) == (True, 50)
    assert not again.applied and not other_event.applied and again.duplicate and other_event.duplicate
    assert await world.available(uid) == 50
    assert (await world.credits.check()).ok


async def test_a_wrong_amount_is_recorded_flagged_and_never_granted(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "starter", "stars")
    outcome = await payments.apply(stars_paid(order, "c", amount=1))
    assert outcome.applied and outcome.flagged and outcome.credits_granted == 0
    assert outcome.payment is not None and outcome.payment.id == f"{order.id}/c"
    assert (outcome.payment.amount, outcome.payment.provider_ref) == (1, "c")
    assert "costs 150 XTR" in (outcome.payment.flag or "")
    assert await world.available(uid) == 0
    assert (await status_of(world, order.id)).status is PaymentStatus.CREATED  # the order is untouched
    assert [p.id for p in await payments.flagged()] == [f"{order.id}/c"]
    assert (await world.credits.check()).ok


async def test_pre_checkout_accepts_only_a_known_unpaid_order_at_its_price(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "basic", "stars")
    assert (await payments.check_payable(order.id, order.amount, "XTR")).id == order.id
    for order_id, amount in (("ord_forged", order.amount), (order.id, order.amount - 1)):
        with pytest.raises(TarotError):
            await payments.check_payable(order_id, amount, "XTR")
    await payments.apply(stars_paid(order, "c1"))
    with pytest.raises(TarotError) as caught:
        await payments.check_payable(order.id, order.amount, "XTR")
    assert caught.value.message_key == "error.order_paid"


async def test_refunds_take_back_in_proportion_and_record_the_shortfall(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user()
    order = await payments.create_order(uid, "basic", "stripe", "USD")  # 120 credits for 599
    paid = ProviderPayment(STRIPE, order.id, "ch_1", 599, "USD")
    await payments.apply(PaymentSucceeded(STRIPE, "evt_paid", paid))
    half = await payments.apply(PaymentRefunded(STRIPE, "evt_r1", "ch_1", 300))
    assert half.credits_taken == 120 * 300 // 599
    again = await payments.apply(PaymentRefunded(STRIPE, "evt_r1", "ch_1", 300))
    assert not again.applied and again.duplicate
    from tarot_domain.use_cases.readings import ReadingRequest

    await world.readings.request_reading(ReadingRequest(uid, "three", "Spend?", "k1"))
    left = await world.available(uid)
    full = await payments.apply(PaymentRefunded(STRIPE, "evt_r2", "ch_1", 599))
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
        await payments.apply(stars_paid(order, f"c{n}"))
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


# --------------------------------------------------------------------------- provider events (Stripe)


@pytest.fixture
def gateway() -> MemoryPaymentGateway:
    return MemoryPaymentGateway()


@pytest.fixture
def stripe(world: World, gateway: MemoryPaymentGateway) -> PaymentService:
    return PaymentService(world.services, [gateway])


def money(order: Payment, pi: str | None = "pi_1", **kw: object) -> ProviderPayment:
    return ProviderPayment(STRIPE, order.id, pi, order.amount, order.currency, **kw)  # type: ignore[arg-type]


def succeeded(order: Payment, event_id: str = "evt_paid", pi: str | None = "pi_1") -> PaymentSucceeded:
    return PaymentSucceeded(STRIPE, event_id, money(order, pi))


async def status_of(world: World, payment_id: str) -> Payment:
    async with world.store.uow() as uow:
        payment = await uow.payments.get(payment_id)
    assert payment is not None
    return payment


async def test_a_completed_checkout_grants_the_pack_once_however_often_it_arrives(
    world: World, stripe: PaymentService
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "basic", STRIPE, "USD")
    outcomes = [await stripe.apply(succeeded(order)) for _ in range(3)]
    outcomes.append(await stripe.apply(succeeded(order, "evt_async_succeeded")))  # another event, same money
    assert [o.applied for o in outcomes] == [True, False, False, False]
    assert outcomes[0].credits_granted == 120 and await world.available(uid) == 120
    paid = await status_of(world, order.id)
    assert paid.status is PaymentStatus.PAID and paid.provider_ref == "pi_1"
    assert [c.status for c in paid.history] == [PaymentStatus.CREATED, PaymentStatus.PAID]


async def test_twenty_concurrent_deliveries_of_one_event_grant_once(
    world: World, stripe: PaymentService
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "starter", STRIPE, "USD")
    outcomes = await asyncio.gather(*(stripe.apply(succeeded(order)) for _ in range(20)))
    assert sum(o.applied for o in outcomes) == 1
    assert await world.available(uid) == 50
    assert (await world.credits.check()).ok


async def test_a_wrong_amount_is_recorded_and_never_granted(world: World, stripe: PaymentService) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "starter", STRIPE, "USD")
    wrong = PaymentSucceeded(STRIPE, "evt_w", ProviderPayment(STRIPE, order.id, "pi_w", 1, "USD"))
    outcome = await stripe.apply(wrong)
    assert outcome.flagged and outcome.payment is not None and outcome.payment.id == f"{order.id}/pi_w"
    assert await world.available(uid) == 0
    assert not (await stripe.apply(wrong)).applied  # recorded: a redelivery changes nothing
    again = PaymentSucceeded(STRIPE, "evt_w2", ProviderPayment(STRIPE, order.id, "pi_w", 1, "USD"))
    assert (await stripe.apply(again)).duplicate  # the same money under another event id


async def test_events_about_nothing_we_sold_are_recorded_and_skipped(
    world: World, stripe: PaymentService
) -> None:
    ghost = PaymentSucceeded(STRIPE, "evt_g", ProviderPayment(STRIPE, "ord_nope", "pi_g", 100, "USD"))
    assert not (await stripe.apply(ghost)).applied
    assert not (await stripe.apply(EventIgnored(STRIPE, "evt_i", "a product.created event"))).applied
    assert not (await stripe.apply(PaymentRefunded(STRIPE, "evt_r", "pi_unknown", 100))).applied
    assert not (await stripe.apply(SubscriptionEnded(STRIPE, "evt_s", "ord_nope", "sub_1"))).applied


async def test_a_failed_or_expired_checkout_closes_the_order(world: World, stripe: PaymentService) -> None:
    uid = await world.new_user()
    failed = await stripe.create_order(uid, "starter", STRIPE, "USD")
    expired = await stripe.create_order(uid, "starter", STRIPE, "USD")
    await stripe.apply(PaymentFailed(STRIPE, "evt_f", failed.id, "async payment failed"))
    await stripe.apply(PaymentFailed(STRIPE, "evt_x", expired.id, "expired", expired=True))
    assert (await status_of(world, failed.id)).status is PaymentStatus.FAILED
    assert (await status_of(world, expired.id)).status is PaymentStatus.CANCELLED
    with pytest.raises(TarotError):
        await stripe.check_payable(failed.id, failed.amount, "USD")


async def test_refund_events_take_back_in_proportion_by_total_refunded(
    world: World, stripe: PaymentService
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "basic", STRIPE, "USD")  # 120 credits for 599
    await stripe.apply(succeeded(order))
    half = await stripe.apply(PaymentRefunded(STRIPE, "evt_r1", "pi_1", 300))
    assert half.credits_taken == 120 * 300 // 599 and await world.available(uid) == 120 - 60
    stale = await stripe.apply(PaymentRefunded(STRIPE, "evt_r0", "pi_1", 100))  # an older total, late
    assert not stale.applied and await world.available(uid) == 60
    await stripe.apply(PaymentRefunded(STRIPE, "evt_r2", "pi_1", 599))
    assert await world.available(uid) == 0
    refunded = await status_of(world, order.id)
    assert refunded.status is PaymentStatus.REFUNDED and refunded.refunded_amount == 599


async def test_a_dispute_claws_back_and_freezes_and_a_won_dispute_restores_exactly(
    world: World, stripe: PaymentService
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "basic", STRIPE, "USD")
    await stripe.apply(succeeded(order))
    from tarot_domain.use_cases.readings import ReadingRequest

    await world.readings.request_reading(ReadingRequest(uid, "three", "Spend first?", "k1"))  # 12 spent
    opened = await stripe.apply(DisputeUpdated(STRIPE, "evt_d1", "pi_1", "dp_1", "needs_response", 599))
    assert (opened.credits_taken, opened.shortfall) == (108, 12)
    assert await world.available(uid) == 0 and (await world.users.get(uid)).purchases_frozen
    with pytest.raises(TarotError) as caught:
        await stripe.create_order(uid, "starter", STRIPE, "USD")
    assert caught.value.kind is ErrorKind.FORBIDDEN
    await world.credits.grant(uid, 5, "goodwill")
    won = await stripe.apply(DisputeUpdated(STRIPE, "evt_d2", "pi_1", "dp_1", "won", 599))
    assert won.credits_restored == 108 and await world.available(uid) == 113
    assert not (await world.users.get(uid)).purchases_frozen
    assert (await status_of(world, order.id)).status is PaymentStatus.DISPUTE_WON
    for _ in range(3):  # redelivered under new ids: still restored once
        await stripe.apply(DisputeUpdated(STRIPE, f"evt_d2_{_}", "pi_1", "dp_1", "won", 599))
    assert await world.available(uid) == 113
    assert (await world.credits.check()).ok


async def test_a_lost_dispute_keeps_the_claw_back_and_the_freeze(
    world: World, stripe: PaymentService
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "starter", STRIPE, "USD")
    await stripe.apply(succeeded(order))
    await stripe.apply(DisputeUpdated(STRIPE, "evt_d1", "pi_1", "dp_1", "needs_response", order.amount))
    lost = await stripe.apply(DisputeUpdated(STRIPE, "evt_d2", "pi_1", "dp_1", "lost", order.amount))
    assert lost.applied and await world.available(uid) == 0
    assert (await world.users.get(uid)).purchases_frozen
    assert (await status_of(world, order.id)).status is PaymentStatus.DISPUTE_LOST


async def test_a_lost_dispute_arriving_before_its_opening_applies_the_opening(
    world: World, stripe: PaymentService
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "starter", STRIPE, "USD")
    await stripe.apply(succeeded(order))
    await stripe.apply(DisputeUpdated(STRIPE, "evt_d2", "pi_1", "dp_1", "lost", order.amount))
    assert await world.available(uid) == 0 and (await world.users.get(uid)).purchases_frozen
    opening = DisputeUpdated(STRIPE, "evt_d1", "pi_1", "dp_1", "needs_response", order.amount)
    assert not (await stripe.apply(opening)).applied
    assert await world.available(uid) == 0


def _pack_events(order: Payment) -> list[ProviderEvent]:
    return [
        succeeded(order),
        PaymentRefunded(STRIPE, "evt_refund", "pi_1", 300),
        DisputeUpdated(STRIPE, "evt_dispute_opened", "pi_1", "dp_1", "needs_response", 299),
        DisputeUpdated(STRIPE, "evt_dispute_closed", "pi_1", "dp_1", "won", 299),
    ]


async def _final_state(world: World, uid: str, order_id: str) -> tuple[int, bool, int, bool]:
    user = await world.users.get(uid)
    payment = await status_of(world, order_id)
    return (
        await world.available(uid),
        user.purchases_frozen,
        payment.refunded_amount,
        (await world.credits.check()).ok,
    )


@pytest.mark.parametrize("order_index", range(24))
async def test_redelivered_and_reordered_pack_events_end_as_if_delivered_once_in_order(
    world: World, stripe: PaymentService, gateway: MemoryPaymentGateway, order_index: int
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "basic", STRIPE, "USD")
    gateway.declare_payment(money(order))  # Stripe's fresh state, for events that overtake the payment
    permutation = list(itertools.permutations(_pack_events(order)))[order_index]
    for event in permutation:
        for _ in range(3):
            await stripe.apply(event)
    assert await _final_state(world, uid, order.id) == (60, False, 300, True)


async def test_the_in_order_reference_for_the_pack_events(world: World, stripe: PaymentService) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "basic", STRIPE, "USD")
    for event in _pack_events(order):
        assert (await stripe.apply(event)).applied
    assert await _final_state(world, uid, order.id) == (60, False, 300, True)


async def test_a_refund_before_the_payment_settles_it_from_fresh_state_first(
    world: World, stripe: PaymentService, gateway: MemoryPaymentGateway
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "starter", STRIPE, "USD")
    gateway.declare_payment(money(order, "pi_9"))
    early = await stripe.apply(PaymentRefunded(STRIPE, "evt_r", "pi_9", order.amount))
    assert early.applied and early.credits_granted == 50 and early.credits_taken == 50
    assert gateway.lookups == ["pi_9"]
    late = await stripe.apply(succeeded(order, "evt_paid", "pi_9"))
    assert not late.applied and await world.available(uid) == 0
    history = [c.status for c in (await status_of(world, order.id)).history]
    assert history == [PaymentStatus.CREATED, PaymentStatus.PAID, PaymentStatus.REFUNDED]


async def test_a_failed_fresh_look_up_is_retryable_and_records_nothing(
    world: World, stripe: PaymentService, gateway: MemoryPaymentGateway
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "starter", STRIPE, "USD")
    gateway.declare_payment(money(order, "pi_9"))
    gateway.fail_with = TarotError(ErrorKind.PAYMENT, "stripe down", retryable=True)
    event = DisputeUpdated(STRIPE, "evt_d", "pi_9", "dp_9", "needs_response", order.amount)
    with pytest.raises(TarotError) as caught:
        await stripe.apply(event)
    assert caught.value.retryable
    gateway.fail_with = None
    assert (await stripe.apply(event)).applied  # the redelivery applies it
    assert (await world.users.get(uid)).purchases_frozen and await world.available(uid) == 0


def _subscription_events(order: Payment) -> list[ProviderEvent]:
    first = ProviderPayment(STRIPE, order.id, "pi_in1", order.amount, "USD", "in_1", True)
    return [
        # checkout.session.completed of a subscription names the first invoice, not the payment
        PaymentSucceeded(
            STRIPE, "evt_session", ProviderPayment(STRIPE, order.id, None, order.amount, "USD", "in_1")
        ),
        PaymentSucceeded(STRIPE, "evt_invoice_1", first),
        PaymentSucceeded(
            STRIPE,
            "evt_invoice_2",
            ProviderPayment(STRIPE, order.id, "pi_in2", order.amount, "USD", "in_2", False),
        ),
        SubscriptionEnded(STRIPE, "evt_deleted", order.id, "sub_1"),
    ]


async def test_a_subscription_grants_each_period_once_and_ends(world: World, stripe: PaymentService) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "tier-basic", STRIPE, "USD")
    session, invoice_1, invoice_2, deleted = _subscription_events(order)
    assert (await stripe.apply(session)).credits_granted == 150
    assert not (await stripe.apply(invoice_1)).applied  # the same period as the session
    user = await world.users.get(uid)
    assert user.tier_id == "tier-basic" and user.tier_until == world.clock.now() + timedelta(days=31)
    assert (await status_of(world, order.id)).provider_ref == "pi_in1"  # learnt from the invoice
    world.clock.advance(timedelta(days=30))
    renewal = await stripe.apply(invoice_2)
    assert renewal.credits_granted == 150 and renewal.payment is not None
    assert renewal.payment.id == f"{order.id}/in_2" and renewal.payment.provider_ref == "pi_in2"
    assert (await world.users.get(uid)).tier_until == world.clock.now() + timedelta(days=32)
    assert await world.available(uid) == 300
    await stripe.apply(PaymentRefunded(STRIPE, "evt_refund_2", "pi_in2", order.amount))  # refund the renewal
    assert await world.available(uid) == 150
    assert (await stripe.apply(deleted)).applied
    user = await world.users.get(uid)
    assert user.tier_id is None and user.tier_at(world.clock.now()) is None
    assert (await world.credits.check()).ok


@pytest.mark.parametrize("order_index", range(24))
async def test_reordered_subscription_events_end_as_if_delivered_in_order(
    world: World, stripe: PaymentService, order_index: int
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "tier-basic", STRIPE, "USD")
    for event in list(itertools.permutations(_subscription_events(order)))[order_index]:
        for _ in range(3):
            await stripe.apply(event)
    user = await world.users.get(uid)
    assert await world.available(uid) == 300
    assert (user.tier_id, user.tier_until) == (None, None)
    assert (await world.credits.check()).ok


async def test_checkout_creates_the_order_then_the_providers_page(
    world: World, stripe: PaymentService, gateway: MemoryPaymentGateway
) -> None:
    uid = await world.new_user()
    checkout = await stripe.start_checkout(uid, "tier-premium", STRIPE, "UAH", "https://x/ok", "https://x/no")
    request = gateway.checkouts[checkout.session.id]
    assert request.subscription and request.order.id == checkout.order.id
    assert (request.order.amount, request.order.currency) == (60000, "UAH")
    assert request.product_name == "Premium subscription"
    assert (await status_of(world, checkout.order.id)).history[-1].note == f"checkout {checkout.session.id}"
    gateway.fail_with = TarotError(ErrorKind.PAYMENT, "card network down", retryable=True)
    with pytest.raises(TarotError):
        await stripe.start_checkout(uid, "starter", STRIPE, "USD", "https://x/ok", "https://x/no")
    async with world.store.uow() as uow:
        orders = await uow.payments.list_for_user(uid)
    assert sorted(o.status.value for o in orders) == ["created", "failed"]


async def test_checkout_needs_a_configured_provider(world: World, payments: PaymentService) -> None:
    uid = await world.new_user()
    with pytest.raises(TarotError) as caught:
        await payments.start_checkout(uid, "starter", STRIPE, "USD", "https://x/ok", "https://x/no")
    assert caught.value.message_key == "error.payments_off"


async def test_an_operator_refund_goes_through_the_gateway(
    world: World, stripe: PaymentService, gateway: MemoryPaymentGateway
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "starter", STRIPE, "USD")
    with pytest.raises(TarotError):
        await stripe.request_refund(order.id, None, "rk1")  # not paid yet
    await stripe.apply(succeeded(order))
    assert await stripe.request_refund(order.id, 100, "rk1") == await stripe.request_refund(
        order.id, 100, "rk1"
    )
    assert gateway.refunds == [("pi_1", 100, "rk1")]
    assert await world.available(uid) == 50  # credits go when Stripe reports the refund


class _StaleUnitOfWork:
    """A unit of work whose payment reads return `stale` for one payment, as a concurrent transaction
    under READ COMMITTED can see a row before another one's commit."""

    def __init__(self, inner: object, stale: Payment) -> None:
        self._inner, self._stale = inner, stale

    def __getattr__(self, name: str) -> object:
        value = getattr(self._inner, name)
        if name != "payments":
            return value
        stale = self._stale

        class Payments:
            def __getattr__(self, attr: str) -> object:
                return getattr(value, attr)

            async def get(self, payment_id: str) -> Payment | None:
                return stale if payment_id == stale.id else await value.get(payment_id)

            async def get_by_provider_ref(self, provider: str, ref: str) -> Payment | None:
                return stale if ref == stale.provider_ref else await value.get_by_provider_ref(provider, ref)

        return Payments()

    async def __aenter__(self) -> _StaleUnitOfWork:
        await self._inner.__aenter__()  # type: ignore[attr-defined]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._inner.__aexit__(*exc)  # type: ignore[attr-defined]


async def test_a_change_computed_from_a_stale_read_is_refused_and_retried(world: World) -> None:
    from attrs import evolve

    stripe = PaymentService(world.services)
    uid = await world.new_user()
    order = await stripe.create_order(uid, "basic", STRIPE, "USD")
    await stripe.apply(succeeded(order))
    before_refund = await status_of(world, order.id)
    await stripe.apply(PaymentRefunded(STRIPE, "evt_r1", "pi_1", 300))
    assert await world.available(uid) == 60
    stale = PaymentService(
        evolve(world.services, uow=lambda: _StaleUnitOfWork(world.store.uow(), before_refund))
    )
    with pytest.raises(TarotError) as caught:
        await stale.apply(PaymentRefunded(STRIPE, "evt_r2", "pi_1", 599))
    assert caught.value.kind is ErrorKind.DATABASE and caught.value.retryable
    assert await world.available(uid) == 60  # nothing of the stale computation was kept
    assert (await stripe.apply(PaymentRefunded(STRIPE, "evt_r2", "pi_1", 599))).credits_taken == 60
    assert await world.available(uid) == 0 and (await world.credits.check()).ok


class TelegramRefunds:
    """The Telegram side of a Stars refund, hand-written: records each refund, or refuses like Telegram."""

    def __init__(self, *, reachable: bool = True, refuse: bool = False) -> None:
        self.reachable, self.refuse = reachable, refuse
        self.done: list[tuple[str | None, str]] = []
        self.meanwhile: Callable[[], Awaitable[object]] | None = None

    async def __call__(self, buyer: User, charge: str) -> bool:
        if not self.reachable:
            return False
        if self.refuse:
            raise TarotError(ErrorKind.PAYMENT, "CHARGE_ALREADY_REFUNDED")
        self.done.append((buyer.external_ref, charge))
        if self.meanwhile is not None:
            await self.meanwhile()
        return True


async def paid_stars_order(world: World, payments: PaymentService) -> tuple[str, Payment]:
    uid = await world.new_user("telegram:42")
    order = await payments.create_order(uid, "starter", STARS)  # 50 credits for 150 ⭐
    await payments.apply(stars_paid(order, "tg-charge-1"))
    return uid, order


async def test_a_stars_refund_returns_the_stars_then_takes_the_credits_back_once(
    world: World, payments: PaymentService
) -> None:
    uid, order = await paid_stars_order(world, payments)
    telegram = TelegramRefunds()
    refund = await payments.refund_stars_order(order.id, telegram)
    assert refund.status is StarsRefundStatus.REFUNDED and telegram.done == [("telegram:42", "tg-charge-1")]
    assert refund.event is not None and (refund.event.credits_taken, refund.event.shortfall) == (50, 0)
    assert refund.buyer is not None and refund.buyer.id == uid
    assert await world.available(uid) == 0
    again = await payments.refund_stars_order(order.id, telegram)  # the order is refunded now
    assert again.status is StarsRefundStatus.NOT_REFUNDABLE and again.order.status is PaymentStatus.REFUNDED
    assert len(telegram.done) == 1 and (await world.credits.check()).ok


async def test_two_refunds_of_one_charge_at_once_take_the_credits_back_once(
    world: World, payments: PaymentService
) -> None:
    uid, order = await paid_stars_order(world, payments)
    telegram = TelegramRefunds()
    # While Telegram answers, a second operator's refund of the same charge lands first.
    telegram.meanwhile = lambda: payments.apply(stars_refunded("tg-charge-1", 150))
    refund = await payments.refund_stars_order(order.id, telegram)
    assert refund.status is StarsRefundStatus.RECORDED_BEFORE
    assert await world.available(uid) == 0 and (await world.credits.check()).ok


async def test_only_a_paid_stars_order_is_refunded_through_telegram(
    world: World, payments: PaymentService
) -> None:
    uid = await world.new_user("telegram:42", credits=5)
    unpaid = await payments.create_order(uid, "starter", STARS)
    card = await payments.create_order(uid, "starter", STRIPE, "USD")
    await payments.apply(PaymentSucceeded(STRIPE, "evt_1", money(card, "ch_1")))
    telegram = TelegramRefunds()
    for order in (unpaid, card):
        refund = await payments.refund_stars_order(order.id, telegram)
        assert refund.status is StarsRefundStatus.NOT_REFUNDABLE and refund.order.id == order.id
    assert telegram.done == [] and await world.available(uid) == 55
    with pytest.raises(TarotError) as caught:
        await payments.refund_stars_order("ord_missing", telegram)
    assert caught.value.kind is ErrorKind.NOT_FOUND and caught.value.message_key == "error.unknown_order"


async def test_a_buyer_telegram_cannot_reach_or_a_refused_refund_changes_nothing(
    world: World, payments: PaymentService
) -> None:
    uid, order = await paid_stars_order(world, payments)
    unreachable = await payments.refund_stars_order(order.id, TelegramRefunds(reachable=False))
    assert unreachable.status is StarsRefundStatus.NO_ACCOUNT and unreachable.event is None
    with pytest.raises(TarotError) as caught:
        await payments.refund_stars_order(order.id, TelegramRefunds(refuse=True))
    assert caught.value.kind is ErrorKind.PAYMENT
    async with world.store.uow() as uow:
        stored = await uow.payments.get(order.id)
    assert stored is not None and stored.status is PaymentStatus.PAID
    assert await world.available(uid) == 50


async def test_ending_subscriptions_stops_each_live_one_once_and_leaves_the_rest(
    world: World, stripe: PaymentService, gateway: MemoryPaymentGateway
) -> None:
    uid = await world.new_user()
    live = await stripe.create_order(uid, "tier-basic", STRIPE, "USD")
    session, invoice_1, invoice_2, _ = _subscription_events(live)
    for event in (session, invoice_1, invoice_2):  # a renewal period is a payment of its own
        await stripe.apply(event)
    gateway.declare_subscription(live.id, "sub_live")
    ended = await stripe.create_order(uid, "tier-basic", STRIPE, "USD")
    for event in _subscription_events(ended):  # this one's subscription ended already
        await stripe.apply(event)
    pack = await stripe.create_order(uid, "starter", STRIPE, "USD")
    await stripe.apply(succeeded(pack, "evt_pack", "pi_pack"))
    stars_tier = await stripe.create_order(uid, "tier-premium", STARS)
    await stripe.apply(
        PaymentSucceeded(
            STARS, "tg:stx-1", ProviderPayment(STARS, stars_tier.id, "stx-1", stars_tier.amount, "XTR")
        )
    )
    unpaid = await stripe.create_order(uid, "tier-premium", STARS)
    asked: list[tuple[str, str]] = []

    async def stars(buyer: User, charge: str) -> bool:
        asked.append((buyer.id, charge))
        return True

    before = await world.available(uid)
    stopped = await stripe.end_subscriptions(uid, stars)
    assert sorted(o.id for o in stopped) == sorted([live.id, stars_tier.id])
    assert gateway.cancelled == ["sub_live"] and asked == [(uid, "stx-1")]
    for order_id in (live.id, stars_tier.id):
        history = (await status_of(world, order_id)).history
        assert history[-1].status is PaymentStatus.CANCELLED and "ended" in history[-1].note
    assert not any(c.status is PaymentStatus.CANCELLED for c in (await status_of(world, unpaid.id)).history)
    user = await world.users.get(uid)
    assert user.tier_id is None and await world.available(uid) == before  # no credit moved
    assert await stripe.end_subscriptions(uid, stars) == [] and len(asked) == 1  # once
    assert (await world.credits.check()).ok


async def test_a_provider_failing_to_end_a_subscription_records_nothing_of_it(
    world: World, stripe: PaymentService, gateway: MemoryPaymentGateway
) -> None:
    uid = await world.new_user()
    order = await stripe.create_order(uid, "tier-basic", STRIPE, "USD")
    await stripe.apply(_subscription_events(order)[1])
    gateway.declare_subscription(order.id, "sub_1")
    gateway.fail_with = TarotError(ErrorKind.PAYMENT, "stripe down", retryable=True)

    async def no_stars(buyer: User, charge: str) -> bool:
        raise AssertionError("no Stars order here")

    with pytest.raises(TarotError) as caught:
        await stripe.end_subscriptions(uid, no_stars)
    assert caught.value.kind is ErrorKind.PAYMENT
    assert not any(c.status is PaymentStatus.CANCELLED for c in (await status_of(world, order.id)).history)
    assert (await world.users.get(uid)).tier_id == "tier-basic"
