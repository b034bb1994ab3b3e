"""The fake is faithful: the official `stripe` package talks to it, and signatures agree both ways
(Stripe's own signing helper with our verifier, our signing with `stripe.Webhook.construct_event`)."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
import stripe
from aiohttp import web
from fake_stripe import FakeStripe

from adapters.stripe_http.webhooks import SignatureError, WebhookVerifier, sign

pytestmark = pytest.mark.contract


def official(fake: FakeStripe, key: str | None = None) -> stripe.StripeClient:
    return stripe.StripeClient(key or fake.api_key, base_addresses={"api": fake.url}, max_network_retries=0)


SESSION_PARAMS: dict[str, Any] = {
    "mode": "payment",
    "client_reference_id": "ord_1",
    "success_url": "https://example.com/ok",
    "cancel_url": "https://example.com/no",
    "metadata": {"order_id": "ord_1"},
    "payment_intent_data": {"metadata": {"order_id": "ord_1"}},
    "line_items": [
        {
            "quantity": 1,
            "price_data": {"currency": "usd", "unit_amount": 599, "product_data": {"name": "Basic"}},
        }
    ],
}


async def test_the_official_client_creates_and_retrieves_a_checkout_session(fake_stripe: FakeStripe) -> None:
    client = official(fake_stripe)
    created = await asyncio.to_thread(client.v1.checkout.sessions.create, params=SESSION_PARAMS)
    assert created.object == "checkout.session" and created.id.startswith("cs_test_")
    assert created.amount_total == 599 and created.currency == "usd" and created.url
    assert created.client_reference_id == "ord_1" and created.metadata["order_id"] == "ord_1"
    fetched = await asyncio.to_thread(client.v1.checkout.sessions.retrieve, created.id)
    assert fetched.id == created.id and fetched.payment_status == "unpaid"
    method, path, params, headers = fake_stripe.requests[0]
    assert (method, path) == ("POST", "/v1/checkout/sessions")
    assert params["line_items"][0]["price_data"]["unit_amount"] == "599"  # its bracket encoding, decoded
    assert headers["Authorization"] == f"Bearer {fake_stripe.api_key}" and headers.get("Idempotency-Key")


async def test_the_official_client_refunds_a_paid_session(fake_stripe: FakeStripe) -> None:
    client = official(fake_stripe)
    created = await asyncio.to_thread(client.v1.checkout.sessions.create, params=SESSION_PARAMS)
    paid = await fake_stripe.complete_session(created.id)
    refund = await asyncio.to_thread(
        client.v1.refunds.create, params={"payment_intent": paid["payment_intent"], "amount": 300}
    )
    assert refund.object == "refund" and refund.amount == 300 and refund.status == "succeeded"
    intent = await asyncio.to_thread(client.v1.payment_intents.retrieve, paid["payment_intent"])
    charge = await asyncio.to_thread(client.v1.charges.retrieve, intent.latest_charge)
    assert charge.amount_refunded == 300 and not charge.refunded
    assert intent.metadata["order_id"] == "ord_1"
    with pytest.raises(stripe.InvalidRequestError) as too_much:
        await asyncio.to_thread(
            client.v1.refunds.create, params={"payment_intent": intent.id, "amount": 1000}
        )
    assert too_much.value.code == "amount_too_large"


async def test_the_official_client_sees_stripes_errors(fake_stripe: FakeStripe) -> None:
    with pytest.raises(stripe.AuthenticationError):
        await asyncio.to_thread(official(fake_stripe, "sk_test_wrong").v1.checkout.sessions.retrieve, "cs_x")
    with pytest.raises(stripe.InvalidRequestError) as missing:
        await asyncio.to_thread(official(fake_stripe).v1.checkout.sessions.retrieve, "cs_missing")
    assert missing.value.http_status == 404 and missing.value.code == "resource_missing"
    with pytest.raises(stripe.InvalidRequestError):  # a recurring price in payment mode
        bad = {
            **SESSION_PARAMS,
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": "usd",
                        "unit_amount": 5,
                        "recurring": {"interval": "month"},
                        "product_data": {"name": "x"},
                    },
                }
            ],
        }
        await asyncio.to_thread(official(fake_stripe).v1.checkout.sessions.create, params=bad)
    fake_stripe.fail_next = [429]
    with pytest.raises(stripe.RateLimitError):
        await asyncio.to_thread(official(fake_stripe).v1.events.list)


async def test_idempotency_keys_replay_and_refuse_other_parameters(fake_stripe: FakeStripe) -> None:
    client = official(fake_stripe)
    options = {"idempotency_key": "checkout:ord_1"}
    first = await asyncio.to_thread(
        client.v1.checkout.sessions.create, params=SESSION_PARAMS, options=options
    )
    again = await asyncio.to_thread(
        client.v1.checkout.sessions.create, params=SESSION_PARAMS, options=options
    )
    assert first.id == again.id and len(fake_stripe.sessions) == 1
    with pytest.raises(stripe.IdempotencyError):
        other = {**SESSION_PARAMS, "client_reference_id": "ord_2"}
        await asyncio.to_thread(client.v1.checkout.sessions.create, params=other, options=options)


async def test_webhooks_the_fake_sends_pass_stripes_own_verification(fake_stripe: FakeStripe) -> None:
    received: list[tuple[bytes, str]] = []

    async def receive(request: web.Request) -> web.Response:
        received.append((await request.read(), request.headers["Stripe-Signature"]))
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        fake_stripe.webhook_url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
        created = await asyncio.to_thread(
            official(fake_stripe).v1.checkout.sessions.create, params=SESSION_PARAMS
        )
        await fake_stripe.complete_session(created.id)
    finally:
        await runner.cleanup()
    assert [d.status for d in fake_stripe.deliveries] == [200]
    payload, header = received[0]
    event = stripe.Webhook.construct_event(payload, header, fake_stripe.webhook_secret)
    assert event.type == "checkout.session.completed" and event.data.object.id == created.id
    assert WebhookVerifier([fake_stripe.webhook_secret]).construct_event(payload, header)["id"] == event.id


def test_stripes_signing_helper_produces_headers_our_verifier_accepts() -> None:
    payload = json.dumps({"id": "evt_1", "type": "ping", "data": {"object": {}}})
    secret = "whsec_test_secret"
    header = stripe.WebhookSignature.generate_signature_header(payload, secret)
    assert WebhookVerifier([secret]).verify(payload.encode(), header) > 0
    with pytest.raises(SignatureError):
        WebhookVerifier(["whsec_other"]).verify(payload.encode(), header)
    old = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=int(time.time()) - 400)
    with pytest.raises(SignatureError):
        WebhookVerifier([secret]).verify(payload.encode(), old)


def test_our_signatures_pass_stripes_construct_event() -> None:
    payload = json.dumps({"id": "evt_1", "object": "event", "type": "ping", "data": {"object": {}}}).encode()
    secret = "whsec_test_secret"
    event = stripe.Webhook.construct_event(payload, sign(payload, secret, int(time.time())), secret)
    assert event.id == "evt_1"
    # two v1 signatures (a rotation): Stripe's verifier accepts any matching one, as ours does
    rotated = sign(payload, "whsec_old", int(time.time()), extra_secrets=[secret])
    assert stripe.Webhook.construct_event(payload, rotated, secret).id == "evt_1"
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(payload, sign(payload, "whsec_other", int(time.time())), secret)
