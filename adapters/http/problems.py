"""Errors as `application/problem+json` (RFC 9457), for every failure the API answers.

Every problem has `type` (a URI reference, `/problems/<slug>`, documented at that address), `title`
(the same for every occurrence of a type), `status`, `detail` (this occurrence, translated by
`Accept-Language` and worded for any frontend: no chat commands), and our extensions: `kind` (the
domain's error taxonomy), `retryable`, `message_key` and `params` (so a frontend can word it itself),
`request_id`, and for a validation problem `errors`, one entry per field with where it is (`body`,
`query`, `header`, `path`), its name, a JSON pointer into the body and its own message.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from attrs import frozen

from adapters.http.spec import api, output
from adapters.http.wire import FieldError
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import ErrorKind, TarotError, error_message

MEDIA_TYPE = "application/problem+json"


@frozen
class ProblemType:
    slug: str
    status: int
    kind: str
    title: str


def _types(*items: tuple[str, int, str, str]) -> dict[str, ProblemType]:
    return {slug: ProblemType(slug, status, kind, title) for slug, status, kind, title in items}


TYPES: Mapping[str, ProblemType] = _types(
    ("validation", 400, "validation", "The request is not valid"),
    ("body-not-json", 400, "validation", "The body is not JSON"),
    ("body-too-deep", 400, "validation", "The body is nested too deeply"),
    ("body-too-large", 413, "validation", "The body is too large"),
    ("body-timeout", 408, "validation", "The body did not arrive in time"),
    ("media-type", 415, "validation", "The body must be JSON"),
    ("method-not-allowed", 405, "validation", "The method is not allowed here"),
    ("idempotency-key-reused", 422, "validation", "The Idempotency-Key was used for another request"),
    ("unknown-cursor", 422, "validation", "The cursor is not one this API gave out"),
    ("in-progress", 409, "conflict", "The same request is still being served"),
    ("conflict", 409, "conflict", "The request conflicts with an earlier one"),
    ("unauthorized", 401, "forbidden", "A valid API key is required"),
    ("admin-only", 403, "forbidden", "The API key lacks the admin scope"),
    ("forbidden", 403, "forbidden", "Not allowed"),
    ("not-found", 404, "not_found", "Not found"),
    ("insufficient-credits", 402, "insufficient_credits", "Not enough credits"),
    ("rate-limited", 429, "rate_limited", "Too many requests"),
    ("busy", 503, "rate_limited", "The reader is busy"),
    ("payment", 502, "payment", "The payment provider refused"),
    ("payment-unavailable", 503, "payment", "The payment provider is unavailable"),
    ("interpreter", 502, "api", "The interpreter refused"),
    ("interpreter-unavailable", 503, "api", "The interpreter is unavailable"),
    ("database", 503, "database", "The database is unavailable"),
    ("internal", 500, "database", "Something went wrong on our side"),
)

_BY_KIND: Mapping[ErrorKind, str] = {
    ErrorKind.VALIDATION: "validation",
    ErrorKind.INSUFFICIENT_CREDITS: "insufficient-credits",
    ErrorKind.FORBIDDEN: "forbidden",
    ErrorKind.NOT_FOUND: "not-found",
    ErrorKind.CONFLICT: "conflict",
    ErrorKind.RATE_LIMITED: "rate-limited",
}
_RETRYABLE_OR_NOT: Mapping[ErrorKind, tuple[str, str]] = {
    ErrorKind.PAYMENT: ("payment-unavailable", "payment"),
    ErrorKind.API: ("interpreter-unavailable", "interpreter"),
    ErrorKind.DATABASE: ("database", "internal"),
}
# Which field a domain validation error is about (the domain names the concept; the API its field).
FIELD_OF_KEY: Mapping[str, tuple[str, str]] = {
    "error.question_empty": ("body", "question"),
    "error.question_too_long": ("body", "question"),
    "error.question_no_words": ("body", "question"),
    "error.answer_too_long": ("body", "answers"),
    "error.too_many_answers": ("body", "answers"),
    "error.unknown_spread": ("body", "spread"),
    "error.unknown_deck": ("body", "deck"),
    "error.unknown_language": ("body", "language"),
    "error.unknown_product": ("body", "product"),
    "error.no_price": ("body", "currency"),
    "error.bad_amount": ("body", "amount"),
    "error.bad_key": ("header", "Idempotency-Key"),
    "error.bad_user_ref": ("path", "ref"),
}


class Problem(Exception):
    """Raised anywhere while serving; the errors middleware renders it. `log` is for the log line only."""

    def __init__(
        self,
        slug: str,
        message_key: str,
        params: Mapping[str, Any] | None = None,
        *,
        errors: Sequence[FieldError] = (),
        retryable: bool = False,
        headers: Mapping[str, str] | None = None,
        log: str = "",
        plain: bool = False,
    ) -> None:
        self.type = TYPES[slug]
        super().__init__(log or f"{slug}: {message_key}")
        self.message_key = message_key
        self.params: Mapping[str, Any] = dict(params or {})
        self.errors = tuple(errors)
        self.retryable = retryable
        self.headers: dict[str, str] = dict(headers or {})
        self.log = log or message_key
        self.plain = plain  # a domain message key: worded through `error_message(plain=True)`

    @property
    def status(self) -> int:
        return self.type.status


def from_error(error: TarotError) -> Problem:
    """The problem a domain error is: its status by kind, Retry-After where a retry will help."""
    if error.kind in _RETRYABLE_OR_NOT:
        later, never = _RETRYABLE_OR_NOT[error.kind]
        slug = later if error.retryable else never
    else:
        slug = _BY_KIND.get(error.kind, "internal")
    if error.message_key == "error.in_progress":
        slug = "in-progress"
    elif error.message_key == "error.busy":  # the in-flight limit: the service's state, not the caller's pace
        slug = "busy"
    headers: dict[str, str] = {}
    if error.kind is ErrorKind.RATE_LIMITED:
        headers["Retry-After"] = str(max(1, math.ceil(float(error.params.get("seconds", 1)))))
    elif error.retryable:
        headers["Retry-After"] = "1"
    errors: list[FieldError] = []
    if error.kind is ErrorKind.VALIDATION and error.message_key in FIELD_OF_KEY:
        location, name = FIELD_OF_KEY[error.message_key]
        errors.append(FieldError(location, name, error.message_key, error.params))
    return Problem(
        slug,
        error.message_key,
        error.params,
        errors=errors,
        retryable=error.retryable,
        headers=headers,
        log=f"{error.kind.value} error: {error.detail}",
        plain=True,
    )


def invalid(errors: Sequence[FieldError]) -> Problem:
    return Problem("validation", "api.invalid", {"count": len(errors)}, errors=errors)


# ------------------------------------------------------------------ the body


@output
@frozen
class FieldProblem:
    """One field that is wrong."""

    location: str = attrs.field(metadata=api(description="body, query, header or path"))
    field: str = attrs.field(metadata=api(description="The field's name; `answers.1` is the second answer"))
    pointer: str | None = attrs.field(metadata=api(description="A JSON pointer into the body (RFC 6901)"))
    detail: str
    message_key: str


@output
@frozen
class ProblemBody:
    """RFC 9457 problem details, with the taxonomy's kind and the translated message's key."""

    type: str
    title: str
    status: int
    detail: str
    kind: str
    retryable: bool
    message_key: str
    params: dict[str, str | int]
    request_id: str
    errors: tuple[FieldProblem, ...] | None


def body_of(problem: Problem, language: str, request_id: str) -> ProblemBody:
    detail = _text(problem.message_key, problem.params, language, plain=problem.plain, kind=problem.type.kind)
    errors = None
    if problem.type.slug == "validation" or problem.errors:
        errors = tuple(field_problem(e, language) for e in problem.errors)
    return ProblemBody(
        type=f"/problems/{problem.type.slug}",
        title=problem.type.title,
        status=problem.status,
        detail=detail,
        kind=problem.type.kind,
        retryable=problem.retryable,
        message_key=problem.message_key,
        params={
            k: v if isinstance(v, int) and not isinstance(v, bool) else str(v)
            for k, v in problem.params.items()
        },
        request_id=request_id,
        errors=errors,
    )


def field_problem(error: FieldError, language: str) -> FieldProblem:
    pointer = None
    if error.location == "body":
        pointer = "".join(
            "/" + part.replace("~", "~0").replace("/", "~1") for part in error.field.split(".") if part
        )
    plain = not error.message_key.startswith("api.")
    return FieldProblem(
        location=error.location,
        field=error.field,
        pointer=pointer,
        detail=_text(error.message_key, error.params, language, plain=plain, kind="validation"),
        message_key=error.message_key,
    )


def _text(key: str, params: Mapping[str, Any], language: str, *, plain: bool, kind: str) -> str:
    """The API's own texts by key; a domain error's through the domain (its plain wording, else its
    own, else its kind's)."""
    if not plain:
        return translate(key, language, **params)
    try:
        error_kind = ErrorKind(kind)
    except ValueError:
        error_kind = ErrorKind.VALIDATION
    return error_message(TarotError(error_kind, message_key=key, params=params), language, plain=True)
