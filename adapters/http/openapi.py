"""The OpenAPI 3.1 document of API v1 (served at `/openapi.json`).

Built from what the server itself uses: the operations table below (which the app's routes are made
from too, adapters/http/app.py), the body classes and their specs, the choice lists of the running
service and the problem types. Only what a client may call is described: the Stripe webhook, health,
readiness and metrics endpoints are for providers and operators.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from attrs import frozen

from adapters.http import bodies, catalog, money, readings, users
from adapters.http.bodies import KEY_PATTERN, REF_PATTERN
from adapters.http.choices import choices_of
from adapters.http.cursor import PATTERN as CURSOR_PATTERN
from adapters.http.deps import WebDeps
from adapters.http.middlewares import REQUEST_ID_PATTERN
from adapters.http.problems import ProblemBody
from adapters.http.spec import Choices, json_schema
from tarot_domain.model.spreads import all_spreads

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Reply = tuple[int, str, tuple[type[Any], ...]]  # status, description, body classes (one of them)


@frozen
class Operation:
    method: str
    path: str
    id: str
    summary: str
    handler: Handler
    replies: tuple[Reply, ...]
    problems: tuple[int, ...]
    body: type[Any] | None = None
    params: tuple[str, ...] = ()  # names in PARAMETERS
    limited: bool = True  # a person's call: RateLimit headers, 429
    checkout: bool = False  # present only with a payment provider
    admin: bool = False


def _op(
    method: str, path: str, id: str, summary: str, handler: Handler, *replies: Reply, **more: Any
) -> Operation:
    problems = more.pop("problems", ())
    return Operation(method, path, id, summary, handler, tuple(replies), tuple(problems), **more)


USER = "/v1/users/{ref}"
READ = (400, 401, 404, 429, 503)
OPERATIONS: tuple[Operation, ...] = (
    _op("GET", "/v1/spreads", "listSpreads", "The spreads, their costs, positions and questionnaires",
        catalog.list_spreads, (200, "The spreads", (bodies.SpreadList,)), problems=(400, 401),
        params=("language",), limited=False),
    _op("GET", "/v1/spreads/{spread}", "getSpread", "One spread", catalog.get_spread_view,
        (200, "The spread", (bodies.SpreadView,)), problems=(400, 401, 404), params=("spread", "language"),
        limited=False),
    _op("GET", "/v1/decks", "listDecks", "The decks", catalog.list_decks,
        (200, "The decks", (bodies.DeckList,)), problems=(400, 401), params=("language",), limited=False),
    _op("GET", "/v1/decks/{deck}/cards", "listCards", "The 78 cards as a deck names them, with keywords",
        catalog.list_cards, (200, "The cards", (bodies.CardList,)), problems=(400, 401, 404),
        params=("deck", "language"), limited=False),
    _op("GET", "/v1/decks/{deck}/cards/{card}", "getCard", "What a card says in a deck: both faces whole",
        catalog.get_card, (200, "The card", (bodies.CardView,)), problems=(400, 401, 404),
        params=("deck", "card", "language"), limited=False),
    _op("GET", "/v1/products", "listProducts", "Credit packs and subscription tiers with their prices",
        catalog.list_products, (200, "The products", (bodies.ProductList,)), problems=(400, 401),
        params=("language",), limited=False),
    _op("POST", "/v1/users", "createUser", "Sign a person up (the welcome grant, once ever)",
        users.create_user,
        (201, "Signed up", (bodies.UserView,)), (200, "Known already: unchanged", (bodies.UserView,)),
        problems=(400, 401, 413, 415, 429, 503), body=bodies.NewUser),
    _op("GET", USER, "getUser", "A person and their preferences", users.get_user,
        (200, "The person", (bodies.UserView,)), problems=READ, params=("ref",)),
    _op("PATCH", USER, "updateUser", "Change preferences (fields left out keep their value)",
        users.update_user, (200, "The person", (bodies.UserView,)), problems=(*READ, 413, 415),
        body=bodies.PreferencesChange, params=("ref",)),
    _op("DELETE", USER, "deleteUser", "Forget the person: subscriptions stopped, then the data erased",
        users.delete_user, (200, "Forgotten", (bodies.Erased,)), problems=READ, params=("ref",)),
    _op("POST", f"{USER}/readings", "createReading",
        "Draw and interpret a spread (the person is signed up on first use), charged once per key",
        readings.create_reading, (201, "The reading", (bodies.ReadingView,)),
        (200, "A crisis: the support message instead of a reading", (bodies.Screened,)),
        problems=(400, 401, 402, 403, 409, 413, 415, 422, 429, 503), body=bodies.NewReading,
        params=("ref", "idempotency-key")),
    _op("GET", f"{USER}/readings", "listReadings", "The person's readings, newest first, page by page",
        readings.list_readings, (200, "A page", (bodies.ReadingPage,)), problems=(*READ, 403, 422),
        params=("ref", "limit", "cursor")),
    _op("GET", f"{USER}/readings/{{reading}}", "getReading", "One reading with its follow-ups",
        readings.get_reading, (200, "The reading", (bodies.ReadingView,)), problems=READ,
        params=("ref", "reading")),
    _op("POST", f"{USER}/readings/{{reading}}/follow-ups", "createFollowUp",
        "A further question about a reading, charged once per key", readings.create_follow_up,
        (201, "The answer", (bodies.FollowUpResult,)),
        (200, "A crisis: the support message", (bodies.SupportAnswer,)),
        problems=(400, 401, 402, 403, 404, 409, 413, 415, 422, 429, 503), body=bodies.NewFollowUp,
        params=("ref", "reading", "idempotency-key")),
    _op("POST", f"{USER}/daily-card", "drawDailyCard", "The free card of the day (drawn once a day)",
        readings.daily_card, (201, "Drawn now", (bodies.ReadingView,)),
        (200, "Drawn earlier today", (bodies.ReadingView,)),
        problems=(400, 401, 403, 429, 503), params=("ref",)),
    _op("GET", f"{USER}/balance", "getBalance", "Credits and subscription", money.get_balance,
        (200, "The balance", (bodies.Balance,)), problems=READ, params=("ref",)),
    _op("GET", f"{USER}/ledger", "listLedger", "Every movement of the person's credits, newest first",
        money.list_ledger, (200, "A page", (bodies.LedgerPage,)), problems=(*READ, 403, 422),
        params=("ref", "ledger-limit", "cursor")),
    _op("POST", f"{USER}/checkout", "createCheckout", "Start buying a pack or a tier: the payment page",
        money.create_checkout, (201, "The order and its checkout page", (bodies.Checkout,)),
        problems=(400, 401, 403, 409, 413, 415, 422, 429, 502, 503), body=bodies.NewCheckout,
        params=("ref", "optional-idempotency-key"), checkout=True),
    _op("GET", f"{USER}/orders", "listOrders", "The person's orders and payments, newest first",
        money.list_orders, (200, "The orders", (bodies.OrderList,)), problems=(*READ, 403),
        params=("ref", "ledger-limit")),
    _op("GET", f"{USER}/orders/{{order}}", "getOrder", "One order with its status history", money.get_order,
        (200, "The order", (bodies.OrderView,)), problems=READ, params=("ref", "order")),
    _op("POST", f"{USER}/orders/{{order}}/refunds", "createRefund",
        "Refund an order's money (admin scope); the credits go when the provider confirms",
        money.create_refund,
        (202, "Asked of the provider", (bodies.Refund,)),
        problems=(400, 401, 403, 404, 409, 413, 415, 422, 429, 502, 503), body=bodies.NewRefund,
        params=("ref", "order", "idempotency-key"), admin=True),
)  # fmt: skip

_STATUS_TEXT = {
    400: "Invalid request: `errors` names each field",
    401: "Missing or unknown API key",
    402: "Not enough credits",
    403: "Not allowed (a spread above the tier, purchases frozen, a forgotten person, no admin scope)",
    404: "No such person or resource",
    409: "The same request is still being served (Retry-After), or clashes with an earlier one",
    413: "The body is too large",
    415: "The body is not JSON",
    422: "The Idempotency-Key was used for a different request, or the cursor was never given out",
    429: "The person's limit: retry after Retry-After seconds",
    502: "The payment provider refused",
    503: "Busy or temporarily unavailable (the interpreter budget, the database, a provider): Retry-After",
}
_REPLAYABLE = ("createReading", "createFollowUp", "createCheckout", "createRefund")


def parameters(choices: Choices) -> dict[str, dict[str, Any]]:
    def path(name: str, pattern: str, description: str) -> dict[str, Any]:
        return {"name": name, "in": "path", "required": True, "description": description,
                "schema": {"type": "string", "pattern": pattern}}  # fmt: skip

    def key(required: bool) -> dict[str, Any]:
        return {
            "name": "Idempotency-Key", "in": "header", "required": required,
            "description": "Repeating a key repeats the first answer and charges once; the same key with "
            "another body is 422, and while the first is still served 409",
            "schema": {"type": "string", "pattern": KEY_PATTERN},
        }  # fmt: skip

    return {
        "ref": path("ref", REF_PATTERN, "The client's own id for the person"),
        "spread": {"name": "spread", "in": "path", "required": True, "schema": {"type": "string"}},
        "deck": {"name": "deck", "in": "path", "required": True, "schema": {"type": "string"}},
        "card": {"name": "card", "in": "path", "required": True, "schema": {"type": "string"}},
        "reading": path("reading", readings.READING_ID, "A reading's id"),
        "order": path("order", money.ORDER_ID, "An order's id"),
        "language": {"name": "language", "in": "query", "description": "Else Accept-Language",
                     "schema": {"type": "string", "enum": list(choices["languages"])}},
        "limit": {"name": "limit", "in": "query",
                  "schema": {"type": "integer", "minimum": 1, "maximum": readings.MAX_PAGE, "default": 10}},
        "ledger-limit": {"name": "limit", "in": "query", "schema": {
            "type": "integer", "minimum": 1, "maximum": money.MAX_PAGE, "default": 20}},
        "cursor": {"name": "cursor", "in": "query", "description": "The `next_cursor` of the page before",
                   "schema": {"type": "string", "pattern": CURSOR_PATTERN}},
        "idempotency-key": key(True),
        "optional-idempotency-key": key(False),
    }


def _headers(op: Operation, status: int) -> dict[str, Any]:
    headers: dict[str, Any] = {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}
    if op.limited:
        for name in ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"):
            headers[name] = {"$ref": f"#/components/headers/{name}"}
    if status in (409, 429, 503):
        headers["Retry-After"] = {"$ref": "#/components/headers/RetryAfter"}
    if status == 401:
        headers["WWW-Authenticate"] = {"schema": {"type": "string"}}
    if op.id in _REPLAYABLE and 200 <= status < 300:
        headers["Idempotent-Replayed"] = {"$ref": "#/components/headers/IdempotentReplayed"}
    return headers


def _operation(op: Operation, choices: Choices, schemas: dict[str, Any]) -> dict[str, Any]:
    table = parameters(choices)
    responses: dict[str, Any] = {}
    for status, description, classes in op.replies:
        refs = [json_schema(cls, choices, schemas) for cls in classes]
        schema = refs[0] if len(refs) == 1 else {"anyOf": refs}
        responses[str(status)] = {
            "description": description,
            "headers": _headers(op, status),
            "content": {"application/json": {"schema": schema}},
        }
    problem = json_schema(ProblemBody, choices, schemas)
    for status in op.problems:
        responses[str(status)] = {
            "description": _STATUS_TEXT[status],
            "headers": _headers(op, status),
            "content": {"application/problem+json": {"schema": problem}},
        }
    described: dict[str, Any] = {
        "operationId": op.id,
        "summary": op.summary,
        "security": [{"apiKey": []}],
        "parameters": [table[name] for name in op.params],
        "responses": responses,
    }
    if op.body is not None:
        body: dict[str, Any] = json_schema(op.body, choices, schemas)
        if op.body is bodies.NewReading:
            body = {"allOf": [body], "oneOf": _answers_per_spread()}
        described["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return described


def _answers_per_spread() -> list[dict[str, Any]]:
    """How many answers each spread takes (a body with more is refused)."""
    return [
        {"properties": {"spread": {"const": s.id}, "answers": {"maxItems": len(s.questionnaire)}}}
        for s in all_spreads()
    ]


def operations(deps: WebDeps) -> tuple[Operation, ...]:
    return tuple(op for op in OPERATIONS if not op.checkout or deps.checkout_provider is not None)


def document(deps: WebDeps) -> dict[str, Any]:
    choices = choices_of(deps)
    schemas: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for op in operations(deps):
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op, choices, schemas)
    count = {"schema": {"type": "string", "pattern": "^[0-9]+$"}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tarot-bot API",
            "version": "1",
            "description": (
                "Readings, preferences, credits and purchases for other frontends. Authenticate with "
                "`Authorization: Bearer <API key>`; a browser should reach it through its own backend, "
                "which holds the key. Errors are `application/problem+json` (RFC 9457) with the domain's "
                "`kind`, `retryable`, `message_key` and, for invalid input, `errors` naming each field."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"}},
            "headers": {
                "RequestId": {
                    "description": "The request's id (the caller's X-Request-Id, or one we made)",
                    "schema": {"type": "string", "pattern": REQUEST_ID_PATTERN},
                },
                "RetryAfter": {"description": "Seconds to wait before retrying", **count},
                "RateLimit-Limit": {"description": "Calls the window allows at once", **count},
                "RateLimit-Remaining": {"description": "Calls left now", **count},
                "RateLimit-Reset": {"description": "Seconds until the window is full again", **count},
                "RateLimit-Policy": {
                    "description": "`<calls>;w=<seconds>`",
                    "schema": {"type": "string", "pattern": "^[0-9]+;w=[0-9]+$"},
                },
                "IdempotentReplayed": {
                    "description": "`true` when this answer repeats the first one for the Idempotency-Key",
                    "schema": {"type": "string", "enum": ["true"]},
                },
            },
        },
    }
