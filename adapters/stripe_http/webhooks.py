"""Stripe webhook signatures: `Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256>[,v1=...]`.

The signed payload is `"{t}.{raw body}"`, keyed with the endpoint's signing secret (the whole
`whsec_…` string). Every `v1` is compared in constant time against the signature under every configured
secret, so two secrets can be active at once while one is rotated out. A timestamp older than the
tolerance (300 s by default) is refused, which bounds replays; other schemes (`v0`) are ignored; a
header without `t` or without any `v1` is malformed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from adapters.stripe_http.client import StripeClient
from adapters.stripe_http.events import StripeEventTranslator
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.products import STRIPE
from tarot_ports.payments import WebhookDelivery

DEFAULT_TOLERANCE = 300
SCHEME = "v1"
MAX_HEADER_LENGTH = 4096


class SignatureError(TarotError):
    """The request is not a genuine, fresh Stripe event: answer 400 and change nothing."""

    def __init__(self, detail: str) -> None:
        super().__init__(ErrorKind.VALIDATION, detail, message_key="error.validation", retryable=False)


def compute_signature(payload: bytes, secret: str, timestamp: int) -> str:
    signed = f"{timestamp}.".encode() + payload
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def sign(payload: bytes, secret: str, timestamp: int, *, extra_secrets: Sequence[str] = ()) -> str:
    """A `Stripe-Signature` header for `payload` (one `v1` per secret), as Stripe sends it."""
    parts = [f"t={timestamp}"]
    parts += [f"{SCHEME}={compute_signature(payload, s, timestamp)}" for s in (secret, *extra_secrets)]
    return ",".join(parts)


def parse_header(header: str) -> tuple[int, list[str]]:
    """(timestamp, v1 signatures). Raises SignatureError for anything malformed."""
    if not header or len(header) > MAX_HEADER_LENGTH:
        raise SignatureError("missing or oversized Stripe-Signature header")
    timestamp: int | None = None
    signatures: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep or not key:
            raise SignatureError("malformed Stripe-Signature header")
        if key == "t":
            if timestamp is not None or not value.isascii() or not value.isdigit():
                raise SignatureError("malformed Stripe-Signature timestamp")
            timestamp = int(value)
        elif key == SCHEME:
            signatures.append(value)
    if timestamp is None:
        raise SignatureError("Stripe-Signature has no timestamp")
    if not signatures:
        raise SignatureError("Stripe-Signature has no v1 signature")
    return timestamp, signatures


class WebhookVerifier:
    """Checks `Stripe-Signature` against one or more endpoint secrets (current first, then previous)."""

    def __init__(
        self,
        secrets: Sequence[str],
        *,
        tolerance: int = DEFAULT_TOLERANCE,
        clock: Callable[[], float] = time.time,
    ) -> None:
        active = [s for s in secrets if s]
        if not active:
            raise ValueError("at least one webhook signing secret is required")
        self._secrets = tuple(active)
        self._tolerance = tolerance
        self._clock = clock

    def __repr__(self) -> str:  # never the secrets
        return f"WebhookVerifier(secrets={len(self._secrets)}, tolerance={self._tolerance})"

    def verify(self, payload: bytes, header: str | None) -> int:
        """The signed timestamp when `header` signs `payload` freshly; SignatureError otherwise."""
        timestamp, signatures = parse_header(header or "")
        matched = False
        for secret in self._secrets:
            expected = compute_signature(payload, secret, timestamp).encode()
            for candidate in signatures:
                # No early exit: every comparison runs, each in constant time.
                matched |= hmac.compare_digest(expected, candidate.encode("utf-8", "replace"))
        if not matched:
            raise SignatureError("no signature matches the payload")
        if self._tolerance > 0 and abs(timestamp - self._clock()) > self._tolerance:
            raise SignatureError("signature timestamp is outside the tolerance")
        return timestamp

    def construct_event(self, payload: bytes, header: str | None) -> dict[str, Any]:
        """Verify, then decode the event; a body that is not an event is as bad as a bad signature."""
        self.verify(payload, header)
        return parse_event(payload)


def parse_event(payload: bytes) -> dict[str, Any]:
    try:
        event = json.loads(payload)
    except (ValueError, UnicodeDecodeError, RecursionError):  # nested past Python's recursion limit
        raise SignatureError("event body is not JSON") from None
    if (
        not isinstance(event, dict)
        or not isinstance(event.get("id"), str)
        or not isinstance(event.get("type"), str)
        or not isinstance(event.get("data"), dict)
        or not isinstance(event["data"].get("object"), dict)
    ):
        raise SignatureError("event body is not a Stripe event")
    return event


class StripeWebhooks:
    """The PaymentWebhooks port for Stripe: `Stripe-Signature` verified, the event translated (with the
    client for fresh state where an event lacks what we need)."""

    provider = STRIPE

    def __init__(
        self,
        secrets: Sequence[str],
        client: StripeClient | None = None,
        *,
        tolerance: int = DEFAULT_TOLERANCE,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._verifier = WebhookVerifier(secrets, tolerance=tolerance, clock=clock)
        self._translator = StripeEventTranslator(client)

    def __repr__(self) -> str:
        return f"StripeWebhooks({self._verifier!r})"

    async def read(self, payload: bytes, headers: Mapping[str, str]) -> WebhookDelivery:
        event = self._verifier.construct_event(payload, headers.get("Stripe-Signature"))
        try:
            translated = await self._translator.translate(event)
        except (ValueError, KeyError, TypeError) as error:
            raise SignatureError(f"malformed {event['type']} event: {error}"[:300]) from None
        return WebhookDelivery(translated, str(event["type"]))
