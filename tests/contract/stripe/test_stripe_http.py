"""Our Stripe adapter against the fake: Checkout parameters, idempotency, retries, errors, look-ups,
refunds and event listing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fake_stripe import FakeStripe
from stripe_harness import stripe_client

from adapters.stripe_http.events import StripeEventTranslator
from adapters.stripe_http.gateway import StripePaymentGateway
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import Payment, PaymentStatus
from tarot_ports.payments import CheckoutRequest, ProviderPayment

pytestmark = pytest.mark.contract


def order(
    product: str = "basic", amount: int = 599, currency: str = "USD", order_id: str = "ord_1"
) -> Payment:
    now = datetime.now(UTC)
    return Payment(order_id, "stripe", "user_1", product, amount, currency, 120, PaymentStatus.CREATED, now)


def request(o: Payment, subscription: bool = False) -> CheckoutRequest:
    return CheckoutRequest(
        o, "Basic pack", subscription, "https://shop.example/ok", "https://shop.example/no"
    )


async def test_a_pack_checkout_is_a_payment_session_in_the_orders_currency(fake_stripe: FakeStripe) -> None:
    gateway = StripePaymentGateway(stripe_client(fake_stripe))
    session = await gateway.create_checkout(request(order(amount=24000, currency="UAH")))
    stored = fake_stripe.sessions[session.id]
    assert session.url == stored["url"] and session.expires_at is not None
    assert (stored["mode"], stored["amount_total"], stored["currency"]) == ("payment", 24000, "uah")
    assert stored["client_reference_id"] == "ord_1"
    assert stored["metadata"] == {"order_id": "ord_1", "user_id": "user_1", "product_id": "basic"}
    _, _, params, headers = fake_stripe.requests[-1]
    assert params["payment_intent_data"]["metadata"]["order_id"] == "ord_1"
    assert headers["Idempotency-Key"] == "checkout:ord_1"


async def test_a_tier_checkout_is_a_monthly_subscription(fake_stripe: FakeStripe) -> None:
    gateway = StripePaymentGateway(stripe_client(fake_stripe))
    session = await gateway.create_checkout(request(order("tier-basic", 499), subscription=True))
    assert fake_stripe.sessions[session.id]["mode"] == "subscription"
    _, _, params, _ = fake_stripe.requests[-1]
    assert params["line_items"][0]["price_data"]["recurring"] == {"interval": "month", "interval_count": "1"}
    assert params["subscription_data"]["metadata"]["order_id"] == "ord_1"


async def test_the_same_order_gets_the_same_session_even_through_retries(fake_stripe: FakeStripe) -> None:
    gateway = StripePaymentGateway(stripe_client(fake_stripe))
    fake_stripe.fail_next = [500, 429]
    first = await gateway.create_checkout(request(order()))
    again = await gateway.create_checkout(request(order()))
    assert first.id == again.id and len(fake_stripe.sessions) == 1
    keys = {headers["Idempotency-Key"] for method, _, _, headers in fake_stripe.requests if method == "POST"}
    assert keys == {"checkout:ord_1"}


async def test_failures_become_payment_errors(fake_stripe: FakeStripe) -> None:
    client = stripe_client(fake_stripe, max_retries=1)
    fake_stripe.fail_next = [500, 500]
    with pytest.raises(TarotError) as down:
        await client.retrieve_event("evt_1")
    assert down.value.kind is ErrorKind.PAYMENT and down.value.retryable
    with pytest.raises(TarotError) as missing:
        await client.retrieve_charge("ch_missing")
    assert not missing.value.retryable and "resource_missing" in missing.value.detail
    wrong_key = stripe_client(fake_stripe).__class__("sk_test_wrong_key_123456", base_url=fake_stripe.url)
    with pytest.raises(TarotError) as unauthorized:
        await wrong_key.retrieve_charge("ch_1")
    assert not unauthorized.value.retryable and "sk_test_wrong_key_123456" not in unauthorized.value.detail
    await wrong_key.aclose()


async def test_fresh_look_ups_find_the_order_behind_a_payment(fake_stripe: FakeStripe) -> None:
    client = stripe_client(fake_stripe)
    gateway = StripePaymentGateway(client)
    pack = await gateway.create_checkout(request(order()))
    paid = await fake_stripe.complete_session(pack.id)
    found = await gateway.find_payment(paid["payment_intent"])
    assert found == ProviderPayment("stripe", "ord_1", paid["payment_intent"], 599, "USD")
    charge_id = fake_stripe.payment_intents[paid["payment_intent"]]["latest_charge"]
    assert await gateway.find_payment(charge_id) == found  # a charge id leads to its PaymentIntent

    tier = await gateway.create_checkout(
        request(order("tier-basic", 499, order_id="ord_2"), subscription=True)
    )
    subscribed = await fake_stripe.complete_session(tier.id)
    first_invoice = fake_stripe.invoices[subscribed["invoice"]]
    renewal = await fake_stripe.renew_subscription(subscribed["subscription"])
    first = await gateway.find_payment(first_invoice["payment_intent"])
    later = await gateway.find_payment(renewal["payment_intent"])
    assert first == ProviderPayment(
        "stripe", "ord_2", first_invoice["payment_intent"], 499, "USD", first_invoice["id"], True
    )
    assert later is not None and (later.invoice_id, later.first_period) == (renewal["id"], False)

    unsold = fake_stripe._charge(100, "usd", {})[0]  # a payment made outside our checkout
    assert await gateway.find_payment(unsold["id"]) is None


async def test_refunds_and_event_listing(fake_stripe: FakeStripe) -> None:
    client = stripe_client(fake_stripe)
    gateway = StripePaymentGateway(client)
    pack = await gateway.create_checkout(request(order()))
    paid = await fake_stripe.complete_session(pack.id)
    refund_id = await gateway.refund(paid["payment_intent"], 200, "refund:ord_1:1")
    assert refund_id == await gateway.refund(paid["payment_intent"], 200, "refund:ord_1:1")  # idempotent
    assert fake_stripe.refunds[refund_id]["amount"] == 200
    with pytest.raises(TarotError) as too_much:
        await gateway.refund(paid["payment_intent"], 10_000, "refund:ord_1:2")
    assert not too_much.value.retryable
    page = await client.list_events(types=["charge.refunded"], limit=1)
    assert [e["type"] for e in page["data"]] == ["charge.refunded"]
    everything = [e async for e in client.iter_events()]
    assert len(everything) == len(fake_stripe.events) >= 3
    assert [e["id"] for e in everything] == [e["id"] for e in fake_stripe.events[::-1]]


async def test_the_translator_fetches_what_an_event_lacks(fake_stripe: FakeStripe) -> None:
    client = stripe_client(fake_stripe)
    gateway = StripePaymentGateway(client)
    tier = await gateway.create_checkout(request(order("tier-basic", 499), subscription=True))
    subscribed = await fake_stripe.complete_session(tier.id)
    invoice = dict(fake_stripe.invoices[subscribed["invoice"]])
    invoice.pop("subscription_details")
    invoice.pop("lines")  # an older shape: the order id only on the subscription
    event = {"id": "evt_x", "type": "invoice.paid", "data": {"object": invoice}}
    translated = await StripeEventTranslator(client).translate(event)
    assert translated.payment.order_id == "ord_1"  # type: ignore[union-attr]
    dispute = await fake_stripe.open_dispute(subscribed_intent := invoice["payment_intent"])
    dispute_event = {
        "id": "evt_d",
        "type": "charge.dispute.created",
        "data": {"object": {**dispute, "payment_intent": None}},
    }
    opened = await StripeEventTranslator(client).translate(dispute_event)
    assert opened.provider_ref == subscribed_intent  # type: ignore[union-attr]


async def test_cancelling_a_subscription_finds_it_from_its_first_payment_and_is_safe_to_repeat(
    fake_stripe: FakeStripe,
) -> None:
    gateway = StripePaymentGateway(stripe_client(fake_stripe))
    tier = await gateway.create_checkout(
        request(order("tier-basic", 499, order_id="ord_sub"), subscription=True)
    )
    subscribed = await fake_stripe.complete_session(tier.id)
    subscription_id = subscribed["subscription"]
    first_money = fake_stripe.invoices[subscribed["invoice"]]["payment_intent"]
    assert await gateway.cancel_subscription("ord_sub", first_money) == subscription_id
    assert fake_stripe.subscriptions[subscription_id]["status"] == "canceled"
    deletes = [(m, p) for m, p, _, _ in fake_stripe.requests if m == "DELETE"]
    assert deletes == [("DELETE", f"/v1/subscriptions/{subscription_id}")]
    assert await gateway.cancel_subscription("ord_sub", first_money) is None  # ended already: no second call
    assert len([m for m, _, _, _ in fake_stripe.requests if m == "DELETE"]) == 1
    charge = fake_stripe.payment_intents[first_money]["latest_charge"]
    assert await gateway.cancel_subscription("ord_sub", charge) is None  # a charge id leads there too


async def test_a_subscription_that_cannot_be_found_or_is_not_the_orders_is_a_payment_error(
    fake_stripe: FakeStripe,
) -> None:
    gateway = StripePaymentGateway(stripe_client(fake_stripe))
    with pytest.raises(TarotError) as unknown:
        await gateway.cancel_subscription("ord_sub", None)  # its first payment not yet reported
    assert unknown.value.kind is ErrorKind.PAYMENT and unknown.value.retryable
    tier = await gateway.create_checkout(
        request(order("tier-basic", 499, order_id="ord_a"), subscription=True)
    )
    subscribed = await fake_stripe.complete_session(tier.id)
    money = fake_stripe.invoices[subscribed["invoice"]]["payment_intent"]
    with pytest.raises(TarotError) as other:
        await gateway.cancel_subscription("ord_b", money)
    assert (
        not other.value.retryable
        and fake_stripe.subscriptions[subscribed["subscription"]]["status"] == "active"
    )
    pack = await gateway.create_checkout(request(order(order_id="ord_pack")))
    paid = await fake_stripe.complete_session(pack.id)
    with pytest.raises(TarotError) as one_off:  # a pack's money has no invoice, so no subscription
        await gateway.cancel_subscription("ord_pack", paid["payment_intent"])
    assert one_off.value.kind is ErrorKind.PAYMENT
