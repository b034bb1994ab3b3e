"""The Stripe client's wire rules with an in-process transport: form encoding, headers, retries, errors,
secrets; and webhook signature verification."""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import parse_qsl

import httpx
import pytest

from adapters.stripe_http.client import StripeClient, encode_form
from adapters.stripe_http.gateway import checkout_params
from adapters.stripe_http.webhooks import (
    SignatureError,
    WebhookVerifier,
    compute_signature,
    parse_header,
    sign,
)
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import Payment, PaymentStatus
from tarot_ports.payments import CheckoutRequest

KEY = "sk_test_51SecretKeyThatMustNeverBeLogged"


def client_for(handler: Callable[[httpx.Request], httpx.Response], sleeps: list[float]) -> StripeClient:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return StripeClient(KEY, base_url="https://stripe.test", http=http, sleep=sleep, jitter=lambda: 0.0)


def test_nested_parameters_use_brackets() -> None:
    pairs = encode_form(
        {
            "mode": "payment",
            "line_items": [
                {"quantity": 1, "price_data": {"currency": "usd", "recurring": {"interval": "month"}}}
            ],
            "metadata": {"order_id": "ord_1"},
            "expand": ["payment_intent"],
            "allow_promotion_codes": False,
            "skipped": None,
        }
    )
    assert pairs == [
        ("mode", "payment"),
        ("line_items[0][quantity]", "1"),
        ("line_items[0][price_data][currency]", "usd"),
        ("line_items[0][price_data][recurring][interval]", "month"),
        ("metadata[order_id]", "ord_1"),
        ("expand[0]", "payment_intent"),
        ("allow_promotion_codes", "false"),
    ]


def _order(product: str = "basic") -> Payment:
    from datetime import UTC, datetime

    return Payment(
        "ord_1", "stripe", "u1", product, 599, "USD", 120, PaymentStatus.CREATED, datetime.now(UTC)
    )


def test_checkout_parameters_for_packs_and_tiers() -> None:
    pack = checkout_params(CheckoutRequest(_order(), "Basic pack", False, "https://x/ok", "https://x/no"))
    assert pack["mode"] == "payment" and pack["client_reference_id"] == "ord_1"
    assert pack["line_items"][0]["price_data"]["currency"] == "usd"
    assert pack["line_items"][0]["price_data"]["unit_amount"] == 599
    assert pack["payment_intent_data"]["metadata"] == {
        "order_id": "ord_1",
        "user_id": "u1",
        "product_id": "basic",
    }
    tier = checkout_params(
        CheckoutRequest(_order("tier-basic"), "Basic", True, "https://x/ok", "https://x/no")
    )
    assert tier["mode"] == "subscription" and "payment_intent_data" not in tier
    assert tier["line_items"][0]["price_data"]["recurring"] == {"interval": "month", "interval_count": 1}
    assert tier["subscription_data"]["metadata"]["order_id"] == "ord_1"


async def test_posts_are_form_encoded_authenticated_and_keep_one_idempotency_key_across_retries() -> None:
    seen: list[httpx.Request] = []
    sleeps: list[float] = []
    script = ["500", "429", "connect", "ok"]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        step = script[len(seen) - 1]
        if step == "connect":
            raise httpx.ConnectError("refused", request=request)
        if step == "429":
            return httpx.Response(429, headers={"Retry-After": "2"})
        if step == "500":
            return httpx.Response(500)
        return httpx.Response(200, json={"id": "cs_1", "url": "https://pay"})

    client = client_for(handler, sleeps)
    result = await client.create_checkout_session(
        {"mode": "payment", "metadata": {"a": "b"}}, "checkout:ord_1"
    )
    assert result["id"] == "cs_1" and len(seen) == 4
    assert sleeps == [0.5, 2.0, 2.0]  # backoff, Retry-After, backoff
    for request in seen:
        assert request.headers["Authorization"] == f"Bearer {KEY}"
        assert request.headers["Idempotency-Key"] == "checkout:ord_1"
        assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert request.headers["Stripe-Version"] == "2024-06-20"
        assert parse_qsl(request.content.decode()) == [("mode", "payment"), ("metadata[a]", "b")]
    await client.aclose()


async def test_every_post_gets_an_idempotency_key_and_gets_carry_query_parameters() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"object": "list", "data": [], "has_more": False})

    client = client_for(handler, [])
    await client.create_refund("pi_1", amount=100)
    await client.list_events(types=["charge.refunded"], created_gte=1700000000, limit=10)
    assert len(seen[0].headers["Idempotency-Key"]) == 32
    assert "Idempotency-Key" not in seen[1].headers
    assert seen[1].url.path == "/v1/events"
    assert dict(parse_qsl(seen[1].url.query.decode())) == {
        "limit": "10", "types[0]": "charge.refunded", "created[gte]": "1700000000",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("status", "headers", "retryable", "calls"),
    [
        (400, {}, False, 1),
        (401, {}, False, 1),
        (402, {}, False, 1),
        (404, {}, False, 1),
        (503, {}, True, 4),
        (429, {}, True, 4),
        (409, {}, True, 4),
        (500, {"Stripe-Should-Retry": "false"}, False, 1),
        (400, {"Stripe-Should-Retry": "true"}, True, 4),
    ],
)
async def test_errors_become_payment_errors(
    status: int, headers: dict[str, str], retryable: bool, calls: int, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[httpx.Request] = []
    body = {
        "error": {"type": "invalid_request_error", "code": "x", "message": f"Invalid API Key provided: {KEY}"}
    }

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=body, headers=headers)

    client = client_for(handler, [])
    with caplog.at_level(logging.DEBUG), pytest.raises(TarotError) as caught:
        await client.retrieve_charge("ch_1")
    assert caught.value.kind is ErrorKind.PAYMENT and caught.value.retryable is retryable
    assert len(seen) == calls
    assert KEY not in caught.value.detail and "sk_" in caught.value.detail
    assert KEY not in caplog.text and KEY not in repr(client)


async def test_connection_errors_are_retried_then_retryable() -> None:
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("slow", request=request)

    with pytest.raises(TarotError) as caught:
        await client_for(handler, sleeps).retrieve_event("evt_1")
    assert caught.value.retryable and sleeps == [0.5, 1.0, 2.0]


async def test_ids_cannot_escape_their_path() -> None:
    client = client_for(lambda r: httpx.Response(200, json={}), [])
    with pytest.raises(TarotError):
        await client.retrieve_charge("../v1/customers")


# --------------------------------------------------------------------------- signatures

PAYLOAD = b'{"id": "evt_1", "type": "ping", "data": {"object": {}}}'
NOW = 1_800_000_000


def verifier(*secrets: str, now: float = NOW) -> WebhookVerifier:
    return WebhookVerifier(secrets, clock=lambda: now)


def test_a_stripe_signature_verifies() -> None:
    header = sign(PAYLOAD, "whsec_a", NOW)
    assert verifier("whsec_a").verify(PAYLOAD, header) == NOW
    assert verifier("whsec_a").construct_event(PAYLOAD, header)["id"] == "evt_1"


def test_any_of_several_v1_signatures_and_any_of_two_secrets_will_do() -> None:
    header = f"t={NOW},v1={'0' * 64},v0=abc,v1={compute_signature(PAYLOAD, 'whsec_old', NOW)}"
    assert verifier("whsec_new", "whsec_old").verify(PAYLOAD, header) == NOW
    with pytest.raises(SignatureError):
        verifier("whsec_new").verify(PAYLOAD, header)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "t=abc,v1=00",
        f"t={NOW}",
        f"v1={'0' * 64}",
        f"t={NOW},t={NOW},v1=00",
        "nonsense",
        f"t={NOW},v1=" + "é" * 64,
        "x" * 5000,
    ],
)
def test_malformed_headers_are_rejected(header: str | None) -> None:
    with pytest.raises(SignatureError):
        verifier("whsec_a").verify(PAYLOAD, header)


def test_the_tolerance_refuses_old_timestamps_only() -> None:
    check = verifier("whsec_a", now=NOW + 300)
    assert check.verify(PAYLOAD, sign(PAYLOAD, "whsec_a", NOW)) == NOW  # exactly 300 s old: accepted
    with pytest.raises(SignatureError):
        verifier("whsec_a", now=NOW + 301).verify(PAYLOAD, sign(PAYLOAD, "whsec_a", NOW))
    assert parse_header(f"t={NOW},v1=ab,v1=cd") == (NOW, ["ab", "cd"])


def test_a_tampered_payload_or_a_body_that_is_not_an_event_is_rejected() -> None:
    header = sign(PAYLOAD, "whsec_a", NOW)
    with pytest.raises(SignatureError):
        verifier("whsec_a").verify(PAYLOAD.replace(b"ping", b"pong"), header)
    for body in (b"not json", b"[]", b'{"id": "evt"}'):
        with pytest.raises(SignatureError):
            verifier("whsec_a").construct_event(body, sign(body, "whsec_a", NOW))
    assert "whsec_a" not in repr(verifier("whsec_a"))
