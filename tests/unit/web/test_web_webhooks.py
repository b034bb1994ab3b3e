"""`POST /webhooks/stripe` on memory adapters: signatures, every event type, redelivery, reordering,
concurrency and a database outage."""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import pytest
from exposition import sample_value
from web_support import (
    OLD_SECRET,
    WebWorld,
    build_web_world,
    charge,
    dispute,
    event,
    invoice,
    problem_of,
    serving,
    session,
    signed,
    subscription,
)

from adapters.stripe_http.webhooks import compute_signature
from tarot_domain.model.payments import Payment, PaymentStatus
from tarot_domain.model.products import STRIPE
from tarot_ports.payments import ProviderPayment


@pytest.fixture
def world() -> WebWorld:
    return build_web_world(welcome_credits=0)


async def new_order(world: WebWorld, product: str = "basic", ref: str = "u1") -> Payment:
    registration = await world.users.register(f"api:alpha:{ref}", "en")
    return await world.payments.create_order(registration.user.id, product, STRIPE, "USD")


async def post(client: Any, world: WebWorld, payload: dict[str, Any] | bytes, **kw: Any) -> tuple[int, Any]:
    body, headers = signed(payload, kw.pop("timestamp", world.now_ts()), **kw)
    response = await client.post("/webhooks/stripe", data=body, headers=headers)
    return response.status, await response.json(content_type=None)


async def test_a_signed_completion_grants_and_redeliveries_do_not(world: WebWorld) -> None:
    order = await new_order(world)
    completed = event("evt_1", "checkout.session.completed", session(order.id, order.amount))
    async with serving(world) as client:
        results = [await post(client, world, completed) for _ in range(3)]
    assert [r[0] for r in results] == [200, 200, 200]
    assert [r[1]["applied"] for r in results] == [True, False, False]
    assert await world.available("alpha", "u1") == 120


@pytest.mark.parametrize(
    "tamper",
    ["body", "wrong_secret", "no_v1", "stale", "no_header", "garbage_header", "no_timestamp", "not_an_event"],
)
async def test_bad_signatures_and_bodies_are_400_and_change_nothing(world: WebWorld, tamper: str) -> None:
    order = await new_order(world)
    body = json.dumps(event("evt_1", "checkout.session.completed", session(order.id, order.amount))).encode()
    now = world.now_ts()
    signature = compute_signature(body, "whsec_current_0123456789abcdef", now)
    headers = {"Stripe-Signature": f"t={now},v1={signature}"}
    if tamper == "body":
        body = body.replace(b'"amount_total": 599', b'"amount_total": 59900')
    elif tamper == "wrong_secret":
        headers["Stripe-Signature"] = f"t={now},v1={compute_signature(body, 'whsec_other', now)}"
    elif tamper == "no_v1":
        headers["Stripe-Signature"] = f"t={now},v0={signature}"
    elif tamper == "stale":
        old = now - 301
        headers["Stripe-Signature"] = (
            f"t={old},v1={compute_signature(body, 'whsec_current_0123456789abcdef', old)}"
        )
    elif tamper == "no_header":
        del headers["Stripe-Signature"]
    elif tamper == "garbage_header":
        headers["Stripe-Signature"] = "garbage"
    elif tamper == "no_timestamp":
        headers["Stripe-Signature"] = f"v1={signature}"
    elif tamper == "not_an_event":
        body = b'["not", "an", "event"]'
        headers["Stripe-Signature"] = (
            f"t={now},v1={compute_signature(body, 'whsec_current_0123456789abcdef', now)}"
        )
    async with serving(world) as client:
        response = await client.post("/webhooks/stripe", data=body, headers=headers)
        assert response.status == 400
        assert (await problem_of(response))["kind"] == "validation"
    assert await world.available("alpha", "u1") == 0
    async with world.store.uow() as uow:
        assert await uow.events.mark(STRIPE, "evt_1", world.clock.now())  # the event was not recorded
        assert (await uow.payments.get(order.id)).status is PaymentStatus.CREATED  # type: ignore[union-attr]


async def test_the_previous_secret_is_accepted_while_rotating(world: WebWorld) -> None:
    order = await new_order(world)
    completed = event("evt_1", "checkout.session.completed", session(order.id, order.amount))
    async with serving(world) as client:
        status, data = await post(client, world, completed, secret=OLD_SECRET)
    assert status == 200 and data["applied"]


async def test_every_event_type_over_http(world: WebWorld) -> None:
    pack = await new_order(world, "basic")
    async_pack = await new_order(world, "starter")
    failed = await new_order(world, "starter")
    expired = await new_order(world, "starter")
    tier = await new_order(world, "tier-basic")
    uid = await world.user_id("alpha", "u1")
    events = [
        event("e1", "checkout.session.completed", session(pack.id, pack.amount)),
        event(
            "e2",
            "checkout.session.completed",
            session(async_pack.id, async_pack.amount, pi="pi_2", paid=False),
        ),
        event(
            "e3",
            "checkout.session.async_payment_succeeded",
            session(async_pack.id, async_pack.amount, pi="pi_2"),
        ),
        event(
            "e4",
            "checkout.session.async_payment_failed",
            session(failed.id, failed.amount, pi="pi_3", paid=False),
        ),
        event("e5", "checkout.session.expired", session(expired.id, expired.amount, pi="pi_4", paid=False)),
        event(
            "e6",
            "checkout.session.completed",
            session(tier.id, tier.amount, mode="subscription", invoice="in_1"),
        ),
        event("e7", "invoice.paid", invoice(tier.id, "in_1", tier.amount, "pi_in1", first=True)),
        event("e8", "invoice.paid", invoice(tier.id, "in_2", tier.amount, "pi_in2", first=False)),
        event("e9", "charge.refunded", charge("pi_1", pack.amount, 300)),
        event("e10", "charge.dispute.created", dispute("dp_1", "pi_2", async_pack.amount, "needs_response")),
        event("e11", "charge.dispute.closed", dispute("dp_1", "pi_2", async_pack.amount, "won")),
        event("e12", "customer.subscription.deleted", subscription(tier.id)),
        event("e13", "customer.created", {"id": "cus_1", "object": "customer"}),
    ]
    applied = []
    async with serving(world) as client:
        for item in events:
            status, data = await post(client, world, item)
            assert status == 200, item["id"]
            applied.append(data["applied"])
    assert applied == [True, False, True, True, True, True, False, True, True, True, True, True, False]
    expected = (120 - 60) + 50 + 150 + 150  # pack less half refunded, starter (dispute won), two periods
    assert await world.available("alpha", "u1") == expected
    user = await world.users.get(uid)
    assert user.tier_id is None and not user.purchases_frozen
    async with world.store.uow() as uow:
        statuses = {p.id: p.status for p in await uow.payments.list_for_user(uid)}
    assert statuses[failed.id] is PaymentStatus.FAILED and statuses[expired.id] is PaymentStatus.CANCELLED
    assert (
        statuses[async_pack.id] is PaymentStatus.DISPUTE_WON and statuses[pack.id] is PaymentStatus.REFUNDED
    )
    assert statuses[f"{tier.id}/in_2"] is PaymentStatus.PAID
    assert (await world.credits.check()).ok
    metrics = world.metrics.render()
    assert sample_value(metrics, "tarot_webhook_events_total", provider="stripe", result="applied") == 10
    assert sample_value(metrics, "tarot_credits_granted_total", source="stripe") == 470


@pytest.mark.parametrize("order_index", [0, 5, 11, 17, 23])
async def test_redelivered_and_reordered_events_over_http_end_as_if_in_order(
    world: WebWorld, order_index: int
) -> None:
    order = await new_order(world)
    world.gateway.declare_payment(ProviderPayment(STRIPE, order.id, "pi_1", order.amount, "USD"))
    events = [
        event("e_paid", "checkout.session.completed", session(order.id, order.amount)),
        event("e_refund", "charge.refunded", charge("pi_1", order.amount, 300)),
        event("e_open", "charge.dispute.created", dispute("dp_1", "pi_1", 299, "needs_response")),
        event("e_won", "charge.dispute.closed", dispute("dp_1", "pi_1", 299, "won")),
    ]
    async with serving(world) as client:
        for item in list(itertools.permutations(events))[order_index]:
            for _ in range(3):
                status, _data = await post(client, world, item)
                assert status == 200
    assert await world.available("alpha", "u1") == 60
    assert not (await world.users.get(await world.user_id("alpha", "u1"))).purchases_frozen


async def test_twenty_concurrent_deliveries_grant_once(world: WebWorld) -> None:
    order = await new_order(world)
    completed = event("evt_1", "checkout.session.completed", session(order.id, order.amount))
    async with serving(world) as client:
        results = await asyncio.gather(*(post(client, world, completed) for _ in range(20)))
    assert all(status == 200 for status, _ in results)
    assert sum(data["applied"] for _, data in results) == 1
    assert await world.available("alpha", "u1") == 120


async def test_a_database_outage_answers_500_so_stripe_retries(world: WebWorld) -> None:
    order = await new_order(world)
    completed = event("evt_1", "checkout.session.completed", session(order.id, order.amount))
    async with serving(world) as client:
        world.database.down = True
        status, data = await post(client, world, completed)
        assert status == 500 and data["retryable"] and data["type"] == "/problems/internal"
        world.database.down = False
        status, data = await post(client, world, completed)
        assert status == 200 and data["applied"]
    assert await world.available("alpha", "u1") == 120


async def test_a_wrong_amount_is_acknowledged_flagged_and_never_granted(world: WebWorld) -> None:
    order = await new_order(world)
    completed = event("evt_1", "checkout.session.completed", session(order.id, 1))
    async with serving(world) as client:
        status, data = await post(client, world, completed)
        assert status == 200 and data["flagged"]
        status, again = await post(client, world, completed)  # redelivered: recorded once
    assert status == 200 and not again["applied"] and not again["flagged"]
    assert await world.available("alpha", "u1") == 0


async def test_webhooks_are_off_without_stripe() -> None:
    world = build_web_world(stripe=False)
    async with serving(world) as client:
        response = await client.post("/webhooks/stripe", data=b"{}")
        assert response.status == 404
