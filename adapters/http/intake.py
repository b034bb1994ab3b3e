"""Reading what a client sends, within limits: the body (size, time, nesting, JSON, then its class),
query parameters and headers, each mistake named.

A client that sends its body too slowly is answered 408 after `body_timeout`; one that goes away
mid-body is a client problem (`ClientGone`), logged as such and never counted as our failure.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable
from typing import TypeVar

from aiohttp import web
from aiohttp.client_exceptions import ClientConnectionResetError

from adapters.http import wire
from adapters.http.deps import WebDeps
from adapters.http.problems import Problem, invalid
from adapters.http.spec import Choices, Spec
from adapters.http.wire import FieldError

T = TypeVar("T")
_INTEGER = re.compile(r"-?[0-9]{1,9}")


class ClientGone(Exception):
    """The client closed the connection before its request was read: nobody is left to answer."""


async def read_body(request: web.Request, limit: int, seconds: float) -> bytes:
    """The raw body: 413 past `limit` bytes (before reading it when the length is declared), 408 when
    it does not arrive within `seconds`, ClientGone when the client disconnects."""
    declared = request.content_length
    if declared is not None and declared > limit:
        raise Problem(
            "body-too-large", "api.body_too_large", {"limit": limit}, log=f"declared {declared} bytes"
        )
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.content.iter_chunked(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise Problem(
                        "body-too-large", "api.body_too_large", {"limit": limit}, log=f"over {limit} bytes"
                    )
                chunks.append(chunk)
    except TimeoutError:
        raise Problem(
            "body-timeout",
            "api.body_timeout",
            {"seconds": max(1, round(seconds))},
            log=f"{size} bytes in {seconds:g} s",
        ) from None
    except (ConnectionResetError, ClientConnectionResetError, web.HTTPException) as error:
        if isinstance(error, web.HTTPException):
            raise
        raise ClientGone(str(error) or type(error).__name__) from None
    except Exception as error:  # aiohttp's payload errors: the connection ended mid-body
        if type(error).__name__ in ("ClientPayloadError", "PayloadEncodingError", "ContentLengthError"):
            raise ClientGone(str(error) or type(error).__name__) from None
        raise
    return b"".join(chunks)


async def read_json(request: web.Request, deps: WebDeps, cls: type[T], choices: Choices) -> T:
    """The body as `cls`; every problem (size, time, media type, nesting, JSON, fields) a Problem."""
    media = request.content_type
    if (
        request.body_exists
        and media not in ("application/json", "application/octet-stream")
        and not media.endswith("+json")
    ):
        raise Problem("media-type", "api.media_type", log=f"content type {media!r}")
    raw = await read_body(request, deps.max_body_bytes, deps.body_timeout)
    try:
        data = wire.parse_json(raw)
    except wire.BodyTooDeep as deep:
        raise Problem("body-too-deep", "api.body_too_deep", {"limit": deep.limit}) from None
    except wire.NotJson:
        raise Problem("body-not-json", "api.body_not_json") from None
    try:
        return wire.read(data, cls, choices)
    except wire.InvalidBody as bad:
        raise invalid(bad.errors) from None


def only_query(request: web.Request, allowed: Iterable[str]) -> None:
    """The API is strict: an unknown query parameter, or one given twice, is a mistake worth naming."""
    names = set(allowed)
    errors = [FieldError("query", name, "api.field.unknown") for name in sorted(set(request.query) - names)]
    errors += [
        FieldError("query", name, "api.field.repeated")
        for name in sorted(names)
        if len(request.query.getall(name, [])) > 1
    ]
    if errors:
        raise invalid(errors)


def query_int(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    if not _INTEGER.fullmatch(raw) or not low <= int(raw) <= high:
        raise invalid([FieldError("query", name, "api.field.range", {"low": low, "high": high})])
    return int(raw)


def query_text(request: web.Request, name: str, spec: Spec, choices: Choices) -> str | None:
    raw = request.query.get(name)
    if raw is None:
        return None
    errors = [
        FieldError("query", name, e.message_key, e.params)
        for e in wire.check_value("query", name, raw, spec, choices)
    ]
    if errors:
        raise invalid(errors)
    return raw


def path_text(request: web.Request, name: str, pattern: str) -> str:
    value = request.match_info[name]
    if not re.match(pattern, value):
        raise invalid([FieldError("path", name, "api.field.pattern")])
    return value


def header_text(request: web.Request, name: str, pattern: str, *, required: bool) -> str | None:
    value = request.headers.get(name)
    if value is None:
        if required:
            raise invalid([FieldError("header", name, "api.field.required_header")])
        return None
    if not re.match(pattern, value):
        raise invalid([FieldError("header", name, "api.field.pattern")])
    return value
