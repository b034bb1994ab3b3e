"""The JSON API on memory adapters: auth, readings (idempotent, charged once), balances, history,
checkout, and errors with the right status."""

from __future__ import annotations

from typing import Any

import pytest
from exposition import sample_value
from web_support import ALPHA, BETA, KEYS, build_web_world, serving

from tarot_ports.rate_limit import RateLimit

READING = {"spread": "three", "question": "What should I focus on?"}


def key(value: str) -> dict[str, str]:
    return {**ALPHA, "Idempotency-Key": value}


async def test_every_api_route_needs_a_valid_key() -> None:
    world = build_web_world()
    async with serving(world) as client:
        for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": f"Basic {KEYS['alpha']}"},
                        {"Authorization": "Bearer"}):  # fmt: skip
            response = await client.get("/v1/spreads", headers=headers)
            assert response.status == 401
            assert response.headers["WWW-Authenticate"] == "Bearer"
            assert (await response.json())["error"]["kind"] == "unauthorized"
        assert (await client.get("/v1/spreads", headers=BETA)).status == 200


async def test_spreads_are_listed_in_the_asked_language() -> None:
    world = build_web_world()
    async with serving(world) as client:
        data = await (await client.get("/v1/spreads?language=uk", headers=ALPHA)).json()
        assert (await client.get("/v1/spreads?language=xx", headers=ALPHA)).status == 400
    by_id = {s["id"]: s for s in data["spreads"]}
    assert by_id["three"]["cost"] == 12 and by_id["three"]["tier"] is None
    assert by_id["life-path"]["tier"] == "tier-professional"
    assert by_id["celtic-cross"]["cards"] == 10


async def test_a_reading_creates_the_user_charges_once_and_replays_by_key() -> None:
    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        first = await client.post("/v1/users/u1/readings", json=READING, headers=key("k-1"))
        assert first.status == 201
        reading = await first.json()
        again = await client.post("/v1/users/u1/readings", json=READING, headers=key("k-1"))
        assert again.status == 200
        replay = await again.json()
        balance = await (await client.get("/v1/users/u1/balance", headers=ALPHA)).json()
    assert replay["id"] == reading["id"] and replay["replayed"] and not reading["replayed"]
    assert reading["cost"] == 12 and len(reading["cards"]) == 3 and reading["available"] == 88
    assert balance == {
        "available": 88, "posted": 88, "held": 0, "tier": None, "tier_until": None, "purchases_frozen": False,
    }  # fmt: skip
    metrics = world.metrics.render()
    assert (
        sample_value(metrics, "tarot_readings_total", spread="three", interpreter="offline", fallback="false")
        == 1
    )
    assert sample_value(metrics, "tarot_credits_spent_total", spread="three") == 12


async def test_a_client_cannot_reach_another_clients_users() -> None:
    world = build_web_world()
    async with serving(world) as client:
        assert (await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))).status == 201
        assert (await client.get("/v1/users/u1/balance", headers=BETA)).status == 404
        assert (await client.get("/v1/users/u1/readings", headers=BETA)).status == 404
        assert (await client.get("/v1/users/u1/readings", headers=ALPHA)).status == 200


@pytest.mark.parametrize(
    ("body", "headers", "status", "kind"),
    [
        (READING, {}, 400, "validation"),  # no Idempotency-Key
        (READING, {"Idempotency-Key": "has spaces"}, 400, "validation"),
        ({**READING, "spread": "nope"}, None, 400, "validation"),
        ({**READING, "question": "   "}, None, 400, "validation"),
        ({**READING, "question": "x" * 501}, None, 400, "validation"),
        ({**READING, "extra": 1}, None, 400, "validation"),
        ({**READING, "reversals": "yes"}, None, 400, "validation"),
        ({**READING, "answers": ["a"] * 10}, None, 400, "validation"),
        ({**READING, "spread": "celtic-cross"}, None, 403, "forbidden"),  # needs a tier
        ({"question": "q"}, None, 400, "validation"),
    ],
)
async def test_invalid_readings_are_refused_with_the_right_status(
    body: dict[str, Any], headers: dict[str, str] | None, status: int, kind: str
) -> None:
    world = build_web_world()
    async with serving(world) as client:
        response = await client.post(
            "/v1/users/u1/readings",
            json=body,
            headers={**ALPHA, **(headers if headers is not None else {"Idempotency-Key": "k"})},
        )
        assert response.status == status
        assert (await response.json())["error"]["kind"] == kind


async def test_broken_and_oversized_bodies_are_refused() -> None:
    world = build_web_world(max_body_bytes=1024)
    async with serving(world) as client:
        for raw in (b"{not json", b"[1, 2]", b"\xff\xfe"):
            response = await client.post("/v1/users/u1/readings", data=raw, headers=key("k"))
            assert response.status == 400
            assert (await response.json())["error"]["kind"] == "validation"
        big = {"spread": "three", "question": "q", "answers": ["x" * 2000]}
        response = await client.post("/v1/users/u1/readings", json=big, headers=key("k"))
        assert response.status == 413 and (await response.json())["error"]["kind"] == "too_large"


async def test_not_enough_credits_is_402() -> None:
    world = build_web_world(welcome_credits=5)
    async with serving(world) as client:
        response = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        assert response.status == 402
        assert (await response.json())["error"]["kind"] == "insufficient_credits"
        assert (await (await client.get("/v1/users/u1/balance", headers=ALPHA)).json())["available"] == 5


async def test_too_many_readings_is_429_with_retry_after() -> None:
    world = build_web_world(welcome_credits=1000, reading_limit=RateLimit(rate=1, period=60, burst=2))
    async with serving(world) as client:
        statuses = []
        for n in range(3):
            response = await client.post("/v1/users/u1/readings", json=READING, headers=key(f"k{n}"))
            statuses.append(response.status)
        assert statuses == [201, 201, 429]
        assert int(response.headers["Retry-After"]) >= 1
        assert (await response.json())["error"]["kind"] == "rate_limited"
        # per client and user: someone else is not held back
        assert (await client.post("/v1/users/u2/readings", json=READING, headers=key("k0"))).status == 201
    assert sample_value(world.metrics.render(), "tarot_rate_limited_total", scope="readings") == 1


async def test_history_is_paged_newest_first() -> None:
    world = build_web_world(welcome_credits=1000)
    async with serving(world) as client:
        ids = []
        for n in range(3):
            world.clock.advance(1)
            response = await client.post("/v1/users/u1/readings", json=READING, headers=key(f"k{n}"))
            ids.append((await response.json())["id"])
        page = await (await client.get("/v1/users/u1/readings?limit=2", headers=ALPHA)).json()
        rest = await (await client.get("/v1/users/u1/readings?limit=2&offset=2", headers=ALPHA)).json()
        for bad in ("limit=0", "limit=51", "offset=-1", "limit=x"):
            assert (await client.get(f"/v1/users/u1/readings?{bad}", headers=ALPHA)).status == 400
        assert (await client.get("/v1/users/nobody/readings", headers=ALPHA)).status == 404
    assert [r["id"] for r in page["items"]] == ids[::-1][:2] and page["total"] == 3
    assert [r["id"] for r in rest["items"]] == ids[:1] and rest["offset"] == 2


async def test_checkout_returns_the_payment_page() -> None:
    world = build_web_world()
    async with serving(world) as client:
        response = await client.post("/v1/users/u1/checkout", json={"product": "basic"}, headers=ALPHA)
        assert response.status == 201
        data = await response.json()
        assert (
            await client.post("/v1/users/u1/checkout", json={"product": "gold"}, headers=ALPHA)
        ).status == 400
        bad_currency = {"product": "basic", "currency": "EUR"}
        assert (await client.post("/v1/users/u1/checkout", json=bad_currency, headers=ALPHA)).status == 400
    assert data["url"].startswith("https://checkout.invalid/pay/") and data["amount"] == 599
    assert (data["currency"], data["credits"], data["product"]) == ("USD", 120, "basic")
    assert world.gateway.checkouts[data["session_id"]].order.id == data["order_id"]


async def test_checkout_is_absent_without_a_provider() -> None:
    world = build_web_world(stripe=False)
    async with serving(world) as client:
        response = await client.post("/v1/users/u1/checkout", json={"product": "basic"}, headers=ALPHA)
        assert response.status == 404
        document = await (await client.get("/openapi.json")).json()
    assert "/v1/users/{ref}/checkout" not in document["paths"]


async def test_a_database_outage_is_503_with_retry_after() -> None:
    world = build_web_world()
    async with serving(world) as client:
        world.database.down = True
        response = await client.get("/v1/users/u1/balance", headers=ALPHA)
        assert response.status == 503 and response.headers["Retry-After"] == "1"
        assert (await response.json())["error"]["kind"] == "database"


async def test_unknown_routes_and_methods_answer_json() -> None:
    world = build_web_world()
    async with serving(world) as client:
        missing = await client.get("/v1/nothing", headers=ALPHA)
        assert missing.status == 404 and (await missing.json())["error"]["kind"] == "not_found"
        wrong = await client.delete("/v1/users/u1/balance", headers=ALPHA)
        assert wrong.status == 405 and "GET" in wrong.headers["Allow"]
        assert (await client.get("/v1/users/bad%20ref/balance", headers=ALPHA)).status == 400


async def test_error_messages_follow_accept_language() -> None:
    world = build_web_world(welcome_credits=0)
    async with serving(world) as client:
        headers = {**key("k"), "Accept-Language": "uk-UA,uk;q=0.9,en;q=0.8"}
        response = await client.post("/v1/users/u1/readings", json=READING, headers=headers)
        message = (await response.json())["error"]["message"]
    assert response.status == 402 and "12" in message and "credits" not in message
