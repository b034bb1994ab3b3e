"""The OpenAPI 3 document of `tarot web`'s JSON API (served at `/openapi.json`).

Built from the same tables the handlers validate with (spreads, decks, languages, products, limits),
so the document and the server cannot drift apart. Only what a client may call is described: the
Stripe webhook, health, readiness and metrics endpoints are for Stripe and operators.
"""

from __future__ import annotations

from typing import Any

from tarot_domain.content import registry
from tarot_domain.model.decks import deck_ids
from tarot_domain.model.lean import Lean
from tarot_domain.model.safety import SafetyKind
from tarot_domain.model.spreads import QUESTIONNAIRE_ANSWER_MAX, all_spreads, spread_ids
from tarot_domain.model.text import QUESTION_MAX

REF_PATTERN = r"^[A-Za-z0-9_.@-]{1,128}$"
QUESTION_PATTERN = r"\w"  # at least one letter or digit (Unicode), so the cleaned question is never empty
KEY_PATTERN = r"^[A-Za-z0-9_.:-]{1,100}$"
REQUEST_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"
MAX_PAGE = 50
MAX_OFFSET = 100_000


def max_answers() -> int:
    return max(len(s.questionnaire) for s in all_spreads())


def _ref(schema: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{schema}"}


def _json(schema: dict[str, Any], description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": schema}},
        "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}, **(headers or {})},
    }
    return response


def _error(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    return _json(_ref("Error"), description, headers)


def _errors(*statuses: int) -> dict[str, Any]:
    descriptions = {
        400: "Invalid request (validation)",
        401: "Missing or unknown API key",
        402: "Not enough credits",
        403: "Not allowed (a spread above the user's tier, purchases frozen)",
        404: "No such user or resource",
        409: "Conflicts with an earlier request (e.g. the same Idempotency-Key still in progress)",
        413: "Request body too large",
        429: "Rate limited; retry after Retry-After seconds",
        502: "The payment provider refused the request",
        503: "Temporarily unavailable (database, interpreter or payment provider); retry later",
    }
    retry_after = {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}}
    out: dict[str, Any] = {}
    for status in statuses:
        headers = retry_after if status == 429 else None
        out[str(status)] = _error(descriptions[status], headers)
    if 401 in statuses:
        out["401"]["headers"]["WWW-Authenticate"] = {"schema": {"type": "string"}}
    return out


def _user_ref() -> dict[str, Any]:
    return {
        "name": "ref",
        "in": "path",
        "required": True,
        "description": "The client's own id for the user; each API client has its own users.",
        "schema": {"type": "string", "pattern": REF_PATTERN},
    }


def openapi_document(
    *, products: tuple[str, ...], currencies: tuple[str, ...], checkout: bool
) -> dict[str, Any]:
    """The document; `checkout` says whether payments are configured (else that path is absent)."""
    languages = list(registry.languages())
    schemas: dict[str, Any] = {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["kind", "message"],
                    "properties": {"kind": {"type": "string"}, "message": {"type": "string"}},
                }
            },
        },
        "Spread": {
            "type": "object",
            "required": ["id", "name", "description", "cost", "cards", "positions", "questionnaire", "tier"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "description": {"type": "string"},
                "cost": {"type": "integer", "minimum": 0},
                "cards": {"type": "integer", "minimum": 1},
                "tier": {"type": ["string", "null"], "description": "The lowest tier that opens it, or null"},
                "positions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "name"],
                        "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
                    },
                },
                "questionnaire": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "prompt", "hint"],
                        "properties": {
                            "id": {"type": "string"},
                            "prompt": {"type": "string"},
                            "hint": {"type": "string"},
                        },
                    },
                },
            },
        },
        "Reading": {
            "type": "object",
            "required": [
                "id",
                "spread",
                "deck",
                "language",
                "question",
                "cards",
                "answers",
                "interpretation",
                "fallback",
                "cost",
                "created_at",
            ],
            "properties": {
                "id": {"type": "string"},
                "spread": {"type": "string", "enum": list(spread_ids())},
                "deck": {"type": "string", "enum": list(deck_ids())},
                "language": {"type": "string", "enum": languages},
                "question": {"type": "string"},
                "cards": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["position", "position_name", "card", "name", "reversed"],
                        "properties": {
                            "position": {"type": "string"},
                            "position_name": {"type": "string"},
                            "card": {"type": "string"},
                            "name": {"type": "string"},
                            "reversed": {"type": "boolean"},
                        },
                    },
                },
                "answers": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["item", "answer"],
                        "properties": {"item": {"type": "string"}, "answer": {"type": "string"}},
                    },
                },
                "interpretation": {
                    "type": "object",
                    "required": ["text", "interpreter", "model"],
                    "properties": {
                        "text": {
                            "type": "string",
                            "description": "The reading in a small markup: paragraphs separated by a blank "
                            "line, a line starting with '## ' is a section heading, **bold** marks the card "
                            "names. Show it as is, render it, or strip the marks.",
                        },
                        "interpreter": {"type": "string"},
                        "model": {"type": ["string", "null"]},
                    },
                },
                "fallback": {"type": "boolean", "description": "An offline reading given free of charge"},
                "cost": {"type": "integer", "minimum": 0},
                "created_at": {"type": "string", "format": "date-time"},
                "support": {
                    **_ref("Support"),
                    "description": "Present only when the safety screen fired: a health, legal or money "
                    "question, read framed (the interpretation opens with this message). Absent for an "
                    "ordinary question.",
                },
                "lean": {
                    "type": ["string", "null"],
                    "enum": [*(lean.value for lean in Lean), None],
                    "description": "For a closed question (yes or no, should, when) and on the yes-no "
                    "spread: which way the cards lean, weighed from their yes/no polarity by position "
                    "(the answer and outcome cards weigh most); null for an open question, and whenever "
                    "`support` is present, whatever the cards.",
                },
            },
        },
        "Support": {
            "type": "object",
            "required": ["kind", "message"],
            "properties": {
                "kind": {"type": "string", "enum": [kind.value for kind in SafetyKind]},
                "message": {"type": "string", "description": "The text shown, in the person's language"},
            },
        },
        "Screened": {
            "type": "object",
            "description": "A crisis: the support message is the answer; nothing drawn, charged or stored.",
            "required": ["spread", "deck", "language", "cards", "support", "cost"],
            "properties": {
                "spread": {"type": "string"},
                "deck": {"type": "string"},
                "language": {"type": "string", "enum": languages},
                "cards": {"type": "array", "maxItems": 0},
                "support": {
                    "allOf": [_ref("Support")],
                    "properties": {"kind": {"const": SafetyKind.CRISIS.value}},
                },
                "cost": {"type": "integer", "const": 0},
            },
        },
        "ReadingResult": {
            "allOf": [
                _ref("Reading"),
                {
                    "type": "object",
                    "required": ["replayed", "available"],
                    "properties": {
                        "replayed": {"type": "boolean", "description": "An earlier result for this key"},
                        "available": {"type": "integer", "description": "Credits available afterwards"},
                    },
                },
            ]
        },
        "ReadingRequest": {
            "type": "object",
            "additionalProperties": False,
            "required": ["spread", "question"],
            "properties": {
                "spread": {"type": "string", "enum": list(spread_ids())},
                "question": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": QUESTION_MAX,
                    "pattern": QUESTION_PATTERN,
                    "description": "At least one letter or digit; trimmed, control characters removed",
                },
                "deck": {"type": "string", "enum": list(deck_ids())},
                "language": {"type": "string", "enum": languages},
                "reversals": {"type": "boolean"},
                "answers": {
                    "type": "array",
                    "maxItems": max_answers(),
                    "description": "Answers to the spread's questionnaire, in order (at most its length)",
                    "items": {"type": "string", "maxLength": QUESTIONNAIRE_ANSWER_MAX},
                },
            },
            # how many answers each spread takes
            "oneOf": [
                {
                    "properties": {
                        "spread": {"const": spread.id},
                        "answers": {"maxItems": len(spread.questionnaire)},
                    }
                }
                for spread in all_spreads()
            ],
        },
        "Balance": {
            "type": "object",
            "required": ["available", "posted", "held", "tier", "tier_until", "purchases_frozen"],
            "properties": {
                "available": {"type": "integer"},
                "posted": {"type": "integer"},
                "held": {"type": "integer", "minimum": 0},
                "tier": {"type": ["string", "null"]},
                "tier_until": {"type": ["string", "null"], "format": "date-time"},
                "purchases_frozen": {"type": "boolean"},
            },
        },
        "ReadingPage": {
            "type": "object",
            "required": ["items", "total", "limit", "offset"],
            "properties": {
                "items": {"type": "array", "items": _ref("Reading")},
                "total": {"type": "integer", "minimum": 0},
                "limit": {"type": "integer", "minimum": 1},
                "offset": {"type": "integer", "minimum": 0},
            },
        },
        "CheckoutRequest": {
            "type": "object",
            "additionalProperties": False,
            "required": ["product"],
            "properties": {
                "product": {"type": "string", "enum": list(products)},
                "currency": {"type": "string", "enum": list(currencies)},
            },
        },
        "Checkout": {
            "type": "object",
            "required": ["order_id", "session_id", "url", "product", "amount", "currency", "credits"],
            "properties": {
                "order_id": {"type": "string"},
                "session_id": {"type": "string"},
                "url": {"type": "string"},
                "product": {"type": "string"},
                "amount": {"type": "integer", "description": "In the currency's minor unit"},
                "currency": {"type": "string"},
                "credits": {"type": "integer"},
            },
        },
    }
    secured: list[dict[str, list[str]]] = [{"apiKey": []}]
    paths: dict[str, Any] = {
        "/v1/spreads": {
            "get": {
                "operationId": "listSpreads",
                "summary": "The spreads, their costs, positions and questionnaires",
                "security": secured,
                "parameters": [
                    {"name": "language", "in": "query", "schema": {"type": "string", "enum": languages}}
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["spreads"],
                            "properties": {"spreads": {"type": "array", "items": _ref("Spread")}},
                        },
                        "The spreads",
                    ),
                    **_errors(400, 401),
                },
            }
        },
        "/v1/users/{ref}/readings": {
            "parameters": [_user_ref()],
            "post": {
                "operationId": "createReading",
                "summary": "Draw and interpret a spread for the user (registered on first use), charged once",
                "security": secured,
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": True,
                        "description": "Repeating a key returns the first reading and charges once",
                        "schema": {"type": "string", "pattern": KEY_PATTERN},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("ReadingRequest")}},
                },
                "responses": {
                    "201": _json(_ref("ReadingResult"), "The new reading"),
                    "200": _json(
                        {"anyOf": [_ref("ReadingResult"), _ref("Screened")]},
                        "The reading made earlier with this Idempotency-Key, or, when the question or an "
                        "answer speaks of suicide or self-harm, the support message instead of a reading",
                    ),
                    **_errors(400, 401, 402, 403, 409, 413, 429, 503),
                },
            },
            "get": {
                "operationId": "listReadings",
                "summary": "The user's readings, newest first",
                "security": secured,
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 10},
                    },
                    {
                        "name": "offset",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
                    },
                ],
                "responses": {
                    "200": _json(_ref("ReadingPage"), "A page of readings"),
                    **_errors(400, 401, 403, 404, 429, 503),
                },
            },
        },
        "/v1/users/{ref}/balance": {
            "parameters": [_user_ref()],
            "get": {
                "operationId": "getBalance",
                "summary": "The user's credits and subscription",
                "security": secured,
                "responses": {
                    "200": _json(_ref("Balance"), "The balance"),
                    **_errors(400, 401, 404, 429, 503),
                },
            },
        },
    }
    if checkout:
        paths["/v1/users/{ref}/checkout"] = {
            "parameters": [_user_ref()],
            "post": {
                "operationId": "createCheckout",
                "summary": "Start buying a credit pack or a subscription; returns the payment page's URL",
                "security": secured,
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("CheckoutRequest")}},
                },
                "responses": {
                    "201": _json(_ref("Checkout"), "The order and its checkout page"),
                    **_errors(400, 401, 403, 413, 429, 502, 503),
                },
            },
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tarot-bot API",
            "version": "1",
            "description": (
                "Readings, balances and purchases for other frontends. Authenticate with "
                '`Authorization: Bearer <API key>`. Errors are `{"error": {"kind", "message"}}`.'
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
                "RetryAfter": {
                    "description": "Seconds to wait before retrying",
                    "schema": {"type": "string", "pattern": "^[0-9]+$"},
                },
            },
        },
    }
