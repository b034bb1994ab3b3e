"""A frontend's whole journey over HTTP, every call built from `/openapi.json` by its operation id and
every request and response validated against the document: sign-up, preferences, the catalog,
readings, a replay, history page by page, a follow-up, the daily card, the ledger, checkout, the
payment arriving, orders, a refund by an admin key, and erasure."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import jsonschema_rs
from aiohttp.test_utils import TestClient
from web_support import ALPHA, ALPHA_ADMIN, build_web_world, event, serving, session, signed

JSON_TYPES = ("application/json", "application/problem+json")


class SpecClient:
    """Calls operations by id, checking each request against the document before sending it and each
    answer after: a documented status, its media type, its body's schema, its headers' form."""

    def __init__(self, client: TestClient[Any, Any], document: dict[str, Any]) -> None:
        self.client = client
        self.document = document
        self.operations: dict[str, tuple[str, str, dict[str, Any]]] = {}
        for path, item in document["paths"].items():
            for method, operation in item.items():
                self.operations[operation["operationId"]] = (method.upper(), path, operation)
        self.called: list[str] = []

    def schema(self, schema: dict[str, Any]) -> jsonschema_rs.Draft202012Validator:
        return jsonschema_rs.Draft202012Validator(
            {**schema, "components": self.document["components"]}, validate_formats=True
        )

    def check(self, schema: dict[str, Any], value: Any, what: str) -> None:
        errors = [f"{list(e.instance_path)}: {e.message}" for e in self.schema(schema).iter_errors(value)]
        assert not errors, f"{what}: {errors}"

    async def call(
        self,
        operation_id: str,
        expect: int,
        *,
        path: dict[str, str] | None = None,
        query: dict[str, Any] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        auth: dict[str, str] = ALPHA,
    ) -> tuple[Any, Any]:
        method, template, operation = self.operations[operation_id]
        given = {"path": path or {}, "query": query or {}, "header": headers or {}}
        for parameter in operation.get("parameters", []):
            value = given[parameter["in"]].get(parameter["name"])
            if value is None:
                assert not parameter.get("required"), f"{operation_id}: {parameter['name']} is required"
                continue
            self.check(parameter["schema"], value, f"{operation_id} parameter {parameter['name']}")
        if body is not None:
            self.check(
                operation["requestBody"]["content"]["application/json"]["schema"],
                body,
                f"{operation_id} body",
            )
        url = re.sub(r"\{(\w+)\}", lambda m: quote(given["path"][m.group(1)], safe=""), template)
        response = await self.client.request(
            method,
            url,
            params={k: str(v) for k, v in given["query"].items()},
            json=body,
            headers={**auth, **given["header"]},
        )
        documented = operation["responses"].get(str(response.status))
        assert documented is not None, f"{operation_id} answered an undocumented {response.status}"
        media = response.content_type
        assert media in documented["content"], f"{operation_id} {response.status}: {media}"
        data = await response.json(content_type=media)
        self.check(documented["content"][media]["schema"], data, f"{operation_id} {response.status} body")
        for name, header in documented.get("headers", {}).items():
            if name in response.headers:
                spec = (
                    header.get("schema")
                    or self.document["components"]["headers"][header["$ref"].rsplit("/", 1)[-1]]["schema"]
                )
                self.check(spec, response.headers[name], f"{operation_id} header {name}")
        assert response.status == expect, (operation_id, response.status, data)
        self.called.append(operation_id)
        return data, response.headers


async def test_a_frontends_whole_journey_follows_the_published_document() -> None:
    world = build_web_world(welcome_credits=40)
    async with serving(world) as client:
        document = await (await client.get("/openapi.json")).json()
        api = SpecClient(client, document)
        me = {"ref": "ann-01"}

        # the catalog a sign-up page shows
        spreads, _ = await api.call("listSpreads", 200, query={"language": "uk"})
        assert {s["id"] for s in spreads["spreads"]} >= {"three", "yes-no"}
        await api.call("getSpread", 200, path={"spread": "three"})
        decks, _ = await api.call("listDecks", 200)
        await api.call("listCards", 200, path={"deck": decks["decks"][1]["id"]})
        await api.call(
            "getCard", 200, path={"deck": "marseille", "card": "cups-queen"}, query={"language": "uk"}
        )
        products, _ = await api.call("listProducts", 200)

        # sign-up with preferences, then a change
        user, headers = await api.call(
            "createUser", 201, body={"ref": "ann-01", "language": "uk", "deck": "thoth", "reversals": False}
        )
        assert headers["Location"] == "/v1/users/ann-01" and user["deck"] == "thoth"
        await api.call("createUser", 200, body={"ref": "ann-01"})
        await api.call("getUser", 200, path=me)
        user, _ = await api.call("updateUser", 200, path=me, body={"language": "en", "reversals": True})
        assert (user["language"], user["deck"], user["reversals"]) == ("en", "thoth", True)

        # readings: one, its replay, one more; the history page by page
        ask = {"spread": "three", "question": "What should I focus on this month?"}
        first, _ = await api.call("createReading", 201, path=me, body=ask, headers={"Idempotency-Key": "r-1"})
        again, replayed = await api.call(
            "createReading", 201, path=me, body=ask, headers={"Idempotency-Key": "r-1"}
        )
        assert again == first and replayed["Idempotent-Replayed"] == "true" and first["deck"] == "thoth"
        await api.call(
            "createReading",
            422,
            path=me,
            body={**ask, "spread": "single"},
            headers={"Idempotency-Key": "r-1"},
        )
        world.clock.advance(1)
        yes_no = {"spread": "yes-no", "question": "Will the move go well?"}
        second, _ = await api.call(
            "createReading", 201, path=me, body=yes_no, headers={"Idempotency-Key": "r-2"}
        )
        assert second["lean"] in ("yes", "no", "unclear")
        page, _ = await api.call("listReadings", 200, path=me, query={"limit": 1})
        rest, _ = await api.call(
            "listReadings", 200, path=me, query={"limit": 1, "cursor": page["next_cursor"]}
        )
        assert [page["items"][0]["id"], rest["items"][0]["id"]] == [second["id"], first["id"]]
        assert rest["next_cursor"] is None

        # a follow-up, the reading with it, the day's card
        asked = {"question": "And what about work?"}
        answer, _ = await api.call(
            "createFollowUp", 201, path={**me, "reading": first["id"]}, body=asked,
            headers={"Idempotency-Key": "f-1"},
        )  # fmt: skip
        shown, _ = await api.call("getReading", 200, path={**me, "reading": first["id"]})
        assert [f["question"] for f in shown["follow_ups"]] == [asked["question"]]
        await api.call("drawDailyCard", 201, path=me)
        await api.call("drawDailyCard", 200, path=me)

        # money: the balance and the ledger, then buying
        balance, _ = await api.call("getBalance", 200, path=me)
        assert balance["available"] == 40 - 12 - 5 - 2 == answer["available"]
        ledger, _ = await api.call("listLedger", 200, path=me, query={"limit": 2})
        more, _ = await api.call("listLedger", 200, path=me, query={"cursor": ledger["next_cursor"]})
        assert sum(e["amount"] for e in ledger["items"] + more["items"] if e["state"] == "posted") == 21
        product = products["products"][0]["id"]
        checkout, _ = await api.call(
            "createCheckout", 201, path=me, body={"product": product}, headers={"Idempotency-Key": "c-1"}
        )
        paid = event("evt_1", "checkout.session.completed", session(checkout["order_id"], checkout["amount"]))
        payload, signature = signed(paid, world.now_ts())
        assert (await client.post("/webhooks/stripe", data=payload, headers=signature)).status == 200
        orders, _ = await api.call("listOrders", 200, path=me)
        order, _ = await api.call("getOrder", 200, path={**me, "order": checkout["order_id"]})
        assert [o["id"] for o in orders["orders"]] == [order["id"]] and order["status"] == "paid"
        balance, _ = await api.call("getBalance", 200, path=me)
        assert balance["available"] == 21 + checkout["credits"]
        await api.call(
            "createRefund",
            403,
            path={**me, "order": order["id"]},
            body={},
            headers={"Idempotency-Key": "rf-1"},
        )
        refund, _ = await api.call(
            "createRefund", 202, path={**me, "order": order["id"]}, body={"amount": 100},
            headers={"Idempotency-Key": "rf-1"}, auth=ALPHA_ADMIN,
        )  # fmt: skip
        assert refund["status"] == "requested" and world.gateway.refunds

        # erasure: the same as the bot's /forget
        erased, _ = await api.call("deleteUser", 200, path=me)
        assert erased["erased_readings"] == 3
        await api.call("getUser", 404, path=me)
        await api.call("listReadings", 404, path=me)

    every = {op["operationId"] for item in document["paths"].values() for op in item.values()}
    assert set(api.called) == every  # the journey reached every operation the document lists
