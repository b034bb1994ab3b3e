"""API v1 on memory adapters: auth, the catalog, people, readings (charged once), history pages,
follow-ups, the daily card, money, erasure, and errors as problem details with the right status."""

from __future__ import annotations

import re
from typing import Any

import pytest
from exposition import sample_value
from web_support import ALPHA, ALPHA_ADMIN, BETA, KEYS, build_web_world, problem_of, serving

from tarot_ports.rate_limit import RateLimit

READING = {"spread": "three", "question": "What should I focus on?"}


def key(value: str, auth: dict[str, str] = ALPHA) -> dict[str, str]:
    return {**auth, "Idempotency-Key": value}


async def test_every_api_route_needs_a_valid_key() -> None:
    world = build_web_world()
    async with serving(world) as client:
        for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": f"Basic {KEYS['alpha']}"},
                        {"Authorization": "Bearer"}):  # fmt: skip
            response = await client.get("/v1/spreads", headers=headers)
            assert response.status == 401
            assert response.headers["WWW-Authenticate"] == "Bearer"
            problem = await problem_of(response)
            assert problem["type"] == "/problems/unauthorized" and problem["kind"] == "forbidden"
        assert (await client.get("/v1/spreads", headers=BETA)).status == 200


async def test_the_catalog_speaks_the_asked_language() -> None:
    world = build_web_world()
    async with serving(world) as client:
        spreads = await (await client.get("/v1/spreads?language=uk", headers=ALPHA)).json()
        by_header = await (await client.get("/v1/spreads", headers={**ALPHA, "Accept-Language": "uk"})).json()
        bad = await client.get("/v1/spreads?language=xx", headers=ALPHA)
        decks = await (await client.get("/v1/decks?language=en", headers=ALPHA)).json()
        cards = await (await client.get("/v1/decks/thoth/cards?language=en", headers=ALPHA)).json()
        lust = await (await client.get("/v1/decks/thoth/cards/major-08-strength", headers=ALPHA)).json()
        tower = await (
            await client.get("/v1/decks/rider-waite/cards/major-16-tower?language=uk", headers=ALPHA)
        ).json()
        missing = await client.get("/v1/decks/thoth/cards/no-such-card", headers=ALPHA)
        products = await (await client.get("/v1/products", headers=ALPHA)).json()
        problem, missed = await problem_of(bad), await problem_of(missing)
    assert spreads == by_header
    by_id = {s["id"]: s for s in spreads["spreads"]}
    assert by_id["three"]["cost"] == 12 and by_id["three"]["tier"] is None
    assert by_id["life-path"]["tier"] == "tier-professional" and by_id["celtic-cross"]["cards"] == 10
    assert re.search("[А-Яа-яІіЇї]", by_id["three"]["name"])
    assert bad.status == 400 and problem["errors"][0]["location"] == "query"
    assert problem["errors"][0]["field"] == "language"
    assert [d["id"] for d in decks["decks"]] == ["rider-waite", "thoth", "marseille"]
    assert len(cards["cards"]) == 78
    assert lust["name"] == "Lust" and lust["number"] == "XI" and lust["renamed"]
    assert lust["upright"]["keywords"] and "core" in lust["upright"]["texts"]
    assert tower["language"] == "uk" and re.search("[А-Яа-я]", tower["name"])
    assert missing.status == 404 and missed["message_key"] == "api.no_card"
    assert {"starter", "tier-premium"} <= {p["id"] for p in products["products"]}


async def test_sign_up_with_preferences_then_read_change_and_delete() -> None:
    world = build_web_world(welcome_credits=30)
    async with serving(world) as client:
        body = {"ref": "ann", "language": "uk", "deck": "thoth", "reversals": False}
        created = await client.post("/v1/users", json=body, headers=ALPHA)
        again = await client.post("/v1/users", json={"ref": "ann", "deck": "marseille"}, headers=ALPHA)
        read = await (await client.get("/v1/users/ann", headers=ALPHA)).json()
        changed = await client.patch("/v1/users/ann", json={"deck": "marseille"}, headers=ALPHA)
        balance = await (await client.get("/v1/users/ann/balance", headers=ALPHA)).json()
        other_client = await client.get("/v1/users/ann", headers=BETA)
        deleted = await client.delete("/v1/users/ann", headers=ALPHA)
        gone = await client.get("/v1/users/ann", headers=ALPHA)
        again_body, changed_body, erased = await again.json(), await changed.json(), await deleted.json()
    assert created.status == 201 and created.headers["Location"] == "/v1/users/ann"
    assert again.status == 200 and again_body["deck"] == "thoth"  # known: unchanged
    assert (read["language"], read["deck"], read["reversals"]) == ("uk", "thoth", False)
    assert changed.status == 200 and changed_body["deck"] == "marseille"
    assert changed_body["language"] == "uk"  # untouched fields keep their value
    assert balance["available"] == 30
    assert other_client.status == 404
    assert deleted.status == 200 and erased == {"erased_readings": 0, "subscriptions_cancelled": []}
    assert gone.status == 404


async def test_a_reading_creates_the_user_charges_once_and_replays_by_key() -> None:
    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        first = await client.post("/v1/users/u1/readings", json=READING, headers=key("k-1"))
        again = await client.post("/v1/users/u1/readings", json=READING, headers=key("k-1"))
        balance = await (await client.get("/v1/users/u1/balance", headers=ALPHA)).json()
        reading, replayed = await first.json(), await again.json()
        one = await (await client.get(f"/v1/users/u1/readings/{reading['id']}", headers=ALPHA)).json()
    assert first.status == 201 and again.status == 201
    assert "Idempotent-Replayed" not in first.headers and again.headers["Idempotent-Replayed"] == "true"
    assert replayed == reading
    assert first.headers["Location"] == f"/v1/users/u1/readings/{reading['id']}"
    assert reading["cost"] == 12 and len(reading["cards"]) == 3 and reading["available"] == 88
    assert reading["support"] is None and reading["lean"] is None and reading["follow_ups"] == []
    assert balance == {
        "available": 88, "posted": 88, "held": 0, "tier": None, "tier_until": None, "purchases_frozen": False,
    }  # fmt: skip
    assert one["id"] == reading["id"] and one["available"] is None
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
    ("body", "headers", "status", "fields"),
    [
        (READING, {}, 400, [("header", "Idempotency-Key")]),
        (READING, {"Idempotency-Key": "has spaces"}, 400, [("header", "Idempotency-Key")]),
        ({**READING, "spread": "nope"}, None, 400, [("body", "spread")]),
        ({**READING, "question": "   "}, None, 400, [("body", "question")]),
        ({**READING, "question": "!!!"}, None, 400, [("body", "question")]),
        ({**READING, "question": "x" * 501}, None, 400, [("body", "question")]),
        ({**READING, "extra": 1}, None, 400, [("body", "extra")]),
        ({**READING, "reversals": "yes"}, None, 400, [("body", "reversals")]),
        ({**READING, "answers": ["a"] * 10}, None, 400, [("body", "answers")]),
        ({**READING, "answers": ["ok", 5]}, None, 400, [("body", "answers.1")]),
        ({**READING, "answers": "abc"}, None, 400, [("body", "answers")]),
        ({"spread": 3, "question": 4, "deck": "nope"}, None, 400, [("body", "spread"), ("body", "question")]),
        ({**READING, "spread": "celtic-cross"}, None, 403, []),  # needs a tier
        ({"question": "q"}, None, 400, [("body", "spread")]),
    ],
)
async def test_invalid_readings_name_each_field(
    body: dict[str, Any], headers: dict[str, str] | None, status: int, fields: list[tuple[str, str]]
) -> None:
    world = build_web_world()
    async with serving(world) as client:
        response = await client.post(
            "/v1/users/u1/readings",
            json=body,
            headers={**ALPHA, **(headers if headers is not None else {"Idempotency-Key": "k"})},
        )
        problem = await problem_of(response)
    assert response.status == status
    if status == 400:
        assert problem["kind"] == "validation" and problem["retryable"] is False
        assert [(e["location"], e["field"]) for e in problem["errors"]] == fields
        assert all(e["detail"] and e["message_key"] for e in problem["errors"])
        body_errors = [e for e in problem["errors"] if e["location"] == "body"]
        assert all(e["pointer"] == "/" + e["field"].replace(".", "/") for e in body_errors)
    assert not world.store.state.readings
    if status == 400:
        assert not world.store.state.book.transfers  # refused before anything was stored


async def test_a_question_of_punctuation_is_refused_as_the_domain_refuses_it() -> None:
    world = build_web_world()
    async with serving(world) as client:
        response = await client.post(
            "/v1/users/u1/readings", json={**READING, "question": "!!!"}, headers=key("k")
        )
        problem = await problem_of(response)
    assert problem["errors"][0]["message_key"] == "error.question_no_words"
    assert not world.store.state.readings and not world.store.state.users  # nothing changed


async def test_not_enough_credits_is_402_worded_for_any_frontend() -> None:
    world = build_web_world(welcome_credits=5)
    async with serving(world) as client:
        response = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        problem = await problem_of(response)
        uk = await problem_of(
            await client.post(
                "/v1/users/u1/readings", json=READING, headers={**key("k"), "Accept-Language": "uk"}
            )
        )
        assert (await (await client.get("/v1/users/u1/balance", headers=ALPHA)).json())["available"] == 5
    assert response.status == 402 and problem["kind"] == "insufficient_credits"
    assert problem["message_key"] == "error.insufficient_credits"
    assert problem["params"] == {"needed": 12, "available": 5}
    assert "12" in problem["detail"] and "/buy" not in problem["detail"]
    assert "кредит" in uk["detail"] and "/buy" not in uk["detail"]


async def test_too_many_readings_is_429_with_rate_limit_headers() -> None:
    world = build_web_world(welcome_credits=1000, reading_limit=RateLimit(rate=1, period=60, burst=2))
    async with serving(world) as client:
        responses = []
        for n in range(3):
            responses.append(await client.post("/v1/users/u1/readings", json=READING, headers=key(f"k{n}")))
        # per client and person: someone else is not held back
        assert (await client.post("/v1/users/u2/readings", json=READING, headers=key("u2-k0"))).status == 201
        refused = await problem_of(responses[-1])
    assert [r.status for r in responses] == [201, 201, 429]
    first, last = responses[0].headers, responses[-1].headers
    assert first["RateLimit-Limit"] == "2" and first["RateLimit-Remaining"] == "1"
    assert first["RateLimit-Policy"] == "2;w=120"
    assert last["RateLimit-Remaining"] == "0" and int(last["Retry-After"]) >= 1
    assert refused["kind"] == "rate_limited" and refused["retryable"] is True
    assert sample_value(world.metrics.render(), "tarot_rate_limited_total", scope="readings") == 1


async def test_the_interpreter_budget_is_shared_with_the_bot() -> None:
    """Web readings spend the bot's global LLM budget (`llm:readings` on the same limiter): once it is
    spent, the web answers 503 busy and the bot's own check refuses too."""
    from adapters.telegram.dialog.limits import FairLimits
    from tarot_domain.model.errors import TarotError

    budget = RateLimit(rate=2, period=60, burst=2)
    world = build_web_world(welcome_credits=1000, llm_limit=budget)
    async with serving(world) as client:
        statuses = [
            (await client.post(f"/v1/users/u{n}/readings", json=READING, headers=key(f"k{n}"))).status
            for n in range(3)
        ]
        busy = await client.post("/v1/users/u9/readings", json=READING, headers=key("k9"))
        problem = await problem_of(busy)
    assert statuses == [201, 201, 503]
    assert problem["type"] == "/problems/busy" and busy.headers["Retry-After"]
    assert busy.headers["RateLimit-Remaining"] == "0"
    bot = FairLimits(world.deps.rate_limiter, {"llm_readings_global": budget})
    with pytest.raises(TarotError) as refused:
        await bot.interpreter("en")
    assert refused.value.message_key == "limit.busy"


async def test_history_is_paged_by_cursor_newest_first_and_holds_still() -> None:
    world = build_web_world(welcome_credits=1000)
    async with serving(world) as client:
        ids = []
        for n in range(3):
            world.clock.advance(1)
            response = await client.post("/v1/users/u1/readings", json=READING, headers=key(f"k{n}"))
            ids.append((await response.json())["id"])
        page = await (await client.get("/v1/users/u1/readings?limit=2", headers=ALPHA)).json()
        world.clock.advance(1)  # a new reading between pages does not shift the next one
        await client.post("/v1/users/u1/readings", json=READING, headers=key("k-new"))
        rest = await (
            await client.get(f"/v1/users/u1/readings?limit=2&cursor={page['next_cursor']}", headers=ALPHA)
        ).json()
        bad = [
            (await client.get(f"/v1/users/u1/readings?{query}", headers=ALPHA)).status
            for query in ("limit=0", "limit=51", "limit=x", "cursor=!!", "cursor=bm9wZQ", "offset=1")
        ]
        assert (await client.get("/v1/users/nobody/readings", headers=ALPHA)).status == 404
    assert [r["id"] for r in page["items"]] == ids[::-1][:2] and page["total"] == 3
    assert [r["id"] for r in rest["items"]] == ids[:1] and rest["next_cursor"] is None and rest["total"] == 4
    assert bad == [400, 400, 400, 400, 422, 400]  # a well-formed cursor never given out: 422


async def test_follow_ups_are_charged_once_per_key_and_listed_with_the_reading() -> None:
    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        reading = await (await client.post("/v1/users/u1/readings", json=READING, headers=key("r1"))).json()
        path = f"/v1/users/u1/readings/{reading['id']}/follow-ups"
        first = await client.post(path, json={"question": "And at work?"}, headers=key("f1"))
        again = await client.post(path, json={"question": "And at work?"}, headers=key("f1"))
        missing = await client.post(
            "/v1/users/u1/readings/nope/follow-ups", json={"question": "Why?"}, headers=key("f2")
        )
        shown = await (await client.get(f"/v1/users/u1/readings/{reading['id']}", headers=ALPHA)).json()
        crisis = await client.post(path, json={"question": "I want to kill myself"}, headers=key("f3"))
        answer, support = await first.json(), await crisis.json()
    assert first.status == 201 and again.status == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert answer["follow_up"]["cost"] == 2 and answer["available"] == 86
    assert missing.status == 404
    assert [f["question"] for f in shown["follow_ups"]] == ["And at work?"]
    assert crisis.status == 200 and support["support"]["kind"] == "crisis"


async def test_the_daily_card_is_drawn_once_a_day_and_free() -> None:
    world = build_web_world(welcome_credits=0)
    async with serving(world) as client:
        first = await client.post("/v1/users/u1/daily-card", headers=ALPHA)
        again = await client.post("/v1/users/u1/daily-card", headers=ALPHA)
        world.clock.advance(86_400)
        tomorrow = await client.post("/v1/users/u1/daily-card", headers=ALPHA)
        card, shown, next_day = await first.json(), await again.json(), await tomorrow.json()
    assert first.status == 201 and again.status == 200 and tomorrow.status == 201
    assert card["id"] == shown["id"] and card["cost"] == 0 and len(card["cards"]) == 1
    assert next_day["id"] != card["id"]


async def test_checkout_orders_ledger_and_an_admin_refund() -> None:
    world = build_web_world(welcome_credits=10)
    async with serving(world) as client:
        response = await client.post("/v1/users/u1/checkout", json={"product": "basic"}, headers=key("c1"))
        replay = await client.post("/v1/users/u1/checkout", json={"product": "basic"}, headers=key("c1"))
        data = await response.json()
        unknown = await client.post("/v1/users/u1/checkout", json={"product": "gold"}, headers=ALPHA)
        bad_currency = await client.post(
            "/v1/users/u1/checkout", json={"product": "basic", "currency": "EUR"}, headers=ALPHA
        )
        orders = await (await client.get("/v1/users/u1/orders", headers=ALPHA)).json()
        order = await client.get(f"/v1/users/u1/orders/{data['order_id']}", headers=ALPHA)
        ledger = await (await client.get("/v1/users/u1/ledger", headers=ALPHA)).json()
        not_admin = await client.post(
            f"/v1/users/u1/orders/{data['order_id']}/refunds", json={}, headers=key("rf1")
        )
        unpaid = await client.post(
            f"/v1/users/u1/orders/{data['order_id']}/refunds", json={}, headers=key("rf1", ALPHA_ADMIN)
        )
        problems = [await problem_of(r) for r in (unknown, bad_currency, not_admin, unpaid)]
        shown_order = await order.json()
    assert response.status == 201 and replay.headers["Idempotent-Replayed"] == "true"
    assert data["url"].startswith("https://checkout.invalid/pay/") and data["amount"] == 599
    assert (data["currency"], data["credits"], data["product"]) == ("USD", 120, "basic")
    assert world.gateway.checkouts[data["session_id"]].order.id == data["order_id"]
    assert len(world.gateway.checkouts) == 1  # the replay made no second session
    assert [e["field"] for e in problems[0]["errors"]] == ["product"]
    assert [e["field"] for e in problems[1]["errors"]] == ["currency"]
    assert [o["id"] for o in orders["orders"]] == [data["order_id"]]
    assert shown_order["status"] == "created"
    assert [(e["kind"], e["amount"], e["state"]) for e in ledger["items"]] == [("grant", 10, "posted")]
    assert not_admin.status == 403 and problems[2]["type"] == "/problems/admin-only"
    assert unpaid.status == 502 and problems[3]["kind"] == "payment"


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
        problem = await problem_of(response)
    assert response.status == 503 and response.headers["Retry-After"] == "1"
    assert problem["kind"] == "database" and problem["retryable"] is True


async def test_unknown_routes_methods_and_media_types_answer_problems() -> None:
    world = build_web_world()
    async with serving(world) as client:
        missing = await client.get("/v1/nothing", headers=ALPHA)
        wrong = await client.delete("/v1/users/u1/balance", headers=ALPHA)
        bad_ref = await client.get("/v1/users/bad%20ref/balance", headers=ALPHA)
        form = await client.post("/v1/users", data="ref=a", headers={**ALPHA, "Content-Type": "text/plain"})
        problems = [await problem_of(r) for r in (missing, wrong, bad_ref, form)]
    assert missing.status == 404 and problems[0]["kind"] == "not_found"
    assert wrong.status == 405 and "GET" in wrong.headers["Allow"]
    assert problems[2]["errors"][0]["location"] == "path"
    assert form.status == 415 and problems[3]["type"] == "/problems/media-type"


async def test_error_messages_follow_accept_language_and_keep_their_key() -> None:
    world = build_web_world(welcome_credits=0)
    async with serving(world) as client:
        headers = {**key("k"), "Accept-Language": "uk-UA,uk;q=0.9,en;q=0.8"}
        response = await client.post("/v1/users/u1/readings", json=READING, headers=headers)
        problem = await problem_of(response)
        english = await problem_of(await client.get("/v1/users/nobody", headers=ALPHA))
    assert response.status == 402 and "12" in problem["detail"] and "credits" not in problem["detail"]
    assert english["message_key"] == "error.unknown_user" and "/start" not in english["detail"]


async def test_problem_types_are_documented_at_their_address() -> None:
    world = build_web_world()
    async with serving(world) as client:
        described = await (await client.get("/problems/idempotency-key-reused")).json()
        unknown = await client.get("/problems/nope")
    assert described["status"] == 422 and "Idempotency-Key" in described["description"]
    assert unknown.status == 404


async def test_cors_answers_only_the_operators_origins() -> None:
    world = build_web_world(cors_origins=("https://app.example.com",))
    async with serving(world) as client:
        preflight = await client.options(
            "/v1/users",
            headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST"},
        )
        allowed = await client.get("/v1/spreads", headers={**ALPHA, "Origin": "https://app.example.com"})
        stranger = await client.get("/v1/spreads", headers={**ALPHA, "Origin": "https://evil.example"})
    assert preflight.status == 204 and "Idempotency-Key" in preflight.headers["Access-Control-Allow-Headers"]
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert "RateLimit-Remaining" in allowed.headers["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in stranger.headers
