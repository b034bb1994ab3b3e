"""One error taxonomy for the whole service.

Adapters translate their own exceptions into `TarotError` at the boundary, so runners can show the
user a translated message (by `message_key`) and log at the kind's level, never a traceback.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from tarot_domain.content.registry import translate


class ErrorKind(enum.Enum):
    VALIDATION = "validation"
    INSUFFICIENT_CREDITS = "insufficient_credits"
    RATE_LIMITED = "rate_limited"
    PAYMENT = "payment"
    API = "api"
    DATABASE = "database"
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    CONFLICT = "conflict"
    SCREENED = "screened"  # the safety screen answered instead (tarot_domain.model.safety.SupportOnly)

    @property
    def retryable(self) -> bool:
        """Whether the same request may succeed later without the caller changing anything."""
        return self in _RETRYABLE

    @property
    def log_level(self) -> str:
        return _LOG_LEVELS[self]

    @property
    def default_message_key(self) -> str:
        return f"error.{self.value}"


_RETRYABLE = frozenset({ErrorKind.RATE_LIMITED, ErrorKind.PAYMENT, ErrorKind.API, ErrorKind.DATABASE})
_LOG_LEVELS: Mapping[ErrorKind, str] = MappingProxyType(
    {
        ErrorKind.VALIDATION: "INFO",
        ErrorKind.INSUFFICIENT_CREDITS: "INFO",
        ErrorKind.RATE_LIMITED: "INFO",
        ErrorKind.PAYMENT: "ERROR",
        ErrorKind.API: "ERROR",
        ErrorKind.DATABASE: "ERROR",
        ErrorKind.NOT_FOUND: "INFO",
        ErrorKind.FORBIDDEN: "WARNING",
        ErrorKind.CONFLICT: "WARNING",
        ErrorKind.SCREENED: "INFO",
    }
)


class TarotError(Exception):
    """A failure the service understands.

    `message_key` names a translated user-facing message; `params` fill its placeholders; `detail` is
    for logs only and must never contain secrets. `retryable` defaults to the kind's rule but an
    adapter may narrow it (a 400 from an API is an `api` error that retrying will not fix).
    """

    def __init__(
        self,
        kind: ErrorKind,
        detail: str = "",
        *,
        message_key: str | None = None,
        params: Mapping[str, Any] | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(detail or kind.value)
        self.kind = kind
        self.detail = detail or kind.value
        self.message_key = message_key or kind.default_message_key
        self.params: Mapping[str, Any] = MappingProxyType(dict(params or {}))
        self.retryable = kind.retryable if retryable is None else retryable

    @property
    def log_level(self) -> str:
        return self.kind.log_level

    def __repr__(self) -> str:
        return f"TarotError({self.kind.value!r}, {self.detail!r}, message_key={self.message_key!r})"


def validation(detail: str, message_key: str = "error.validation", **params: Any) -> TarotError:
    return TarotError(ErrorKind.VALIDATION, detail, message_key=message_key, params=params)


def not_found(detail: str, message_key: str = "error.not_found", **params: Any) -> TarotError:
    return TarotError(ErrorKind.NOT_FOUND, detail, message_key=message_key, params=params)


def conflict(detail: str, message_key: str = "error.conflict", **params: Any) -> TarotError:
    return TarotError(ErrorKind.CONFLICT, detail, message_key=message_key, params=params)


def forbidden(detail: str, message_key: str = "error.forbidden", **params: Any) -> TarotError:
    return TarotError(ErrorKind.FORBIDDEN, detail, message_key=message_key, params=params)


def insufficient_credits(needed: int, available: int) -> TarotError:
    return TarotError(
        ErrorKind.INSUFFICIENT_CREDITS,
        f"needs {needed} credits, {available} available",
        message_key="error.insufficient_credits",
        params={"needed": needed, "available": available},
    )


def error_message(error: TarotError, language: str, *, plain: bool = False) -> str:
    """What we tell a person about `error` in `language`, never a traceback. `plain`: the wording for any
    frontend (`plain.<key>` where the chat's wording names a command such as /buy or /start)."""
    if plain:
        text = translate(f"plain.{error.message_key}", language, **error.params)
        if not text.startswith("plain."):
            return text
    text = translate(error.message_key, language, **error.params)
    if text == error.message_key:
        text = translate(error.kind.default_message_key, language, **error.params)
    return text
