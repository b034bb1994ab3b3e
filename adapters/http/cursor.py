"""Opaque page cursors: where the next page of a newest-first list starts.

A reading cursor names the last reading shown (its time and id), so pages hold still while new
readings arrive; a ledger cursor is a position. Both are base64url text a client passes back as it got
it; anything else is a validation error on the `cursor` parameter.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from adapters.http.problems import Problem
from adapters.http.wire import FieldError

PATTERN = r"^[A-Za-z0-9_-]{1,200}$"


def encode(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise _bad() from None


def _bad() -> Exception:
    """Well formed but never given out: 422, since the form itself is as documented."""
    return Problem(
        "unknown-cursor", "api.field.cursor", errors=[FieldError("query", "cursor", "api.field.cursor")]
    )


def reading_cursor(created_at: datetime, reading_id: str) -> str:
    return encode(f"r|{created_at.isoformat()}|{reading_id}")


def reading_position(cursor: str) -> tuple[datetime, str]:
    kind, _, rest = _decode(cursor).partition("|")
    moment, _, reading_id = rest.partition("|")
    try:
        at = datetime.fromisoformat(moment)
    except ValueError:
        raise _bad() from None
    if kind != "r" or not reading_id or at.tzinfo is None:
        raise _bad()
    return at, reading_id


def offset_cursor(offset: int) -> str:
    return encode(f"o|{offset}")


def offset_position(cursor: str) -> int:
    kind, _, number = _decode(cursor).partition("|")
    if kind != "o" or not number.isdigit() or len(number) > 9:
        raise _bad()
    return int(number)
