"""Stripe's REST API over raw HTTP.

Requests are form-encoded with Stripe's bracket notation for nested parameters
(`line_items[0][price_data][currency]=usd`), authenticated with `Authorization: Bearer <secret key>`,
pinned to one API version (`Stripe-Version`) so the objects we parse keep their shape, and every POST
carries an `Idempotency-Key` that stays the same across retries, so a retried POST never acts twice.

Retries: connection errors and timeouts, 409 (a concurrent request with the same idempotency key),
429 and 5xx are retried with exponential backoff and jitter (or the server's `Retry-After`), unless
Stripe's `Stripe-Should-Retry` header says otherwise. Every failure becomes a
`TarotError(ErrorKind.PAYMENT, retryable=...)`. The secret key is never logged nor put into an
error's detail; anything looking like a Stripe key in an error message is masked.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

import httpx

from tarot_domain.model.errors import ErrorKind, TarotError

logger = logging.getLogger("adapters.stripe_http")

API_BASE = "https://api.stripe.com"
API_VERSION = "2024-06-20"
"""The API version our parsing is written for: invoices still carry `subscription`, `payment_intent`
and `charge`; charges and payment intents carry `invoice`. Configure webhook endpoints with it too."""
USER_AGENT = "tarot-bot/0.1"
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 30.0

Sleep = Callable[[float], Awaitable[None]]
Jitter = Callable[[], float]
JSONObject = dict[str, Any]

_SECRET = re.compile(r"\b(sk|rk|whsec)_(live|test)?_?[A-Za-z0-9*]{4,}")
_ID = re.compile(r"^[A-Za-z0-9_]{1,255}$")
_RETRY_STATUSES = frozenset({409, 429})


def redact(text: str) -> str:
    """Mask anything that looks like a Stripe secret (`sk_…`, `rk_…`, `whsec_…`)."""
    return _SECRET.sub(lambda m: f"{m.group(1)}_***", text)


def encode_form(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Stripe's form encoding: nested mappings as `a[b]`, sequences as `a[0]`, booleans as true/false,
    None left out."""
    pairs: list[tuple[str, str]] = []

    def walk(key: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, Mapping):
            for sub_key, sub_value in value.items():
                walk(f"{key}[{sub_key}]", sub_value)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(f"{key}[{index}]", item)
        elif isinstance(value, bool):
            pairs.append((key, "true" if value else "false"))
        else:
            pairs.append((key, str(value)))

    for name, value in params.items():
        walk(str(name), value)
    return pairs


def check_id(object_id: str) -> str:
    """An object id safe to put into a path (Stripe ids are `prefix_alphanumerics`)."""
    if not _ID.match(object_id):
        raise TarotError(ErrorKind.PAYMENT, f"malformed Stripe id {object_id[:40]!r}", retryable=False)
    return quote(object_id, safe="")


def payment_error(detail: str, *, retryable: bool) -> TarotError:
    return TarotError(ErrorKind.PAYMENT, redact(detail), retryable=retryable)


class StripeClient:
    """One Stripe account's API. `http` is shared (a runner's resource) or created on first use and
    closed by `aclose`. `sleep`, `jitter` and `new_key` are there for tests."""

    def __init__(
        self,
        secret_key: str,
        *,
        base_url: str = API_BASE,
        api_version: str = API_VERSION,
        http: httpx.AsyncClient | None = None,
        max_retries: int = 3,
        timeout: float = 20.0,
        sleep: Sleep = asyncio.sleep,
        jitter: Jitter = random.random,
        new_key: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        if not secret_key:
            raise ValueError("a Stripe secret key is required")
        self._key = secret_key
        self._base = base_url.rstrip("/")
        self._version = api_version
        self._http = http
        self._owns_http = http is None
        self._max_retries = max_retries
        self._timeout = httpx.Timeout(timeout, connect=min(timeout, 5.0))
        self._sleep = sleep
        self._jitter = jitter
        self._new_key = new_key

    def __repr__(self) -> str:  # never the key
        return f"StripeClient(base_url={self._base!r}, api_version={self._version!r})"

    async def aclose(self) -> None:
        if self._owns_http and self._http is not None:
            await self._http.aclose()
            self._http = None

    # ----------------------------------------------------------------- the API we use

    async def create_checkout_session(self, params: Mapping[str, Any], idempotency_key: str) -> JSONObject:
        return await self.request("POST", "/v1/checkout/sessions", params, idempotency_key=idempotency_key)

    async def retrieve_checkout_session(self, session_id: str) -> JSONObject:
        return await self.request("GET", f"/v1/checkout/sessions/{check_id(session_id)}")

    async def list_checkout_sessions(self, **filters: Any) -> list[JSONObject]:
        page = await self.request("GET", "/v1/checkout/sessions", filters)
        return [item for item in page.get("data", []) if isinstance(item, dict)]

    async def create_refund(
        self,
        payment_intent: str,
        *,
        amount: int | None = None,
        reason: str | None = None,
        metadata: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> JSONObject:
        params = {"payment_intent": payment_intent, "amount": amount, "reason": reason, "metadata": metadata}
        return await self.request("POST", "/v1/refunds", params, idempotency_key=idempotency_key)

    async def retrieve_payment_intent(self, payment_intent_id: str) -> JSONObject:
        return await self.request("GET", f"/v1/payment_intents/{check_id(payment_intent_id)}")

    async def retrieve_charge(self, charge_id: str) -> JSONObject:
        return await self.request("GET", f"/v1/charges/{check_id(charge_id)}")

    async def retrieve_invoice(self, invoice_id: str) -> JSONObject:
        return await self.request("GET", f"/v1/invoices/{check_id(invoice_id)}")

    async def retrieve_subscription(self, subscription_id: str) -> JSONObject:
        return await self.request("GET", f"/v1/subscriptions/{check_id(subscription_id)}")

    async def cancel_subscription(self, subscription_id: str) -> JSONObject:
        """Cancel at once (no proration, no further invoice): `DELETE /v1/subscriptions/{id}`."""
        return await self.request("DELETE", f"/v1/subscriptions/{check_id(subscription_id)}")

    async def retrieve_dispute(self, dispute_id: str) -> JSONObject:
        return await self.request("GET", f"/v1/disputes/{check_id(dispute_id)}")

    async def retrieve_event(self, event_id: str) -> JSONObject:
        return await self.request("GET", f"/v1/events/{check_id(event_id)}")

    async def list_events(
        self,
        *,
        types: Sequence[str] = (),
        created_gte: int | None = None,
        limit: int = 100,
        starting_after: str | None = None,
    ) -> JSONObject:
        """One page of events, newest first (`data`, `has_more`), for a reconciliation job."""
        params: dict[str, Any] = {"limit": max(1, min(limit, 100)), "starting_after": starting_after}
        if types:
            params["types"] = list(types)
        if created_gte is not None:
            params["created"] = {"gte": created_gte}
        return await self.request("GET", "/v1/events", params)

    async def iter_events(
        self, *, types: Sequence[str] = (), created_gte: int | None = None, max_events: int = 10_000
    ) -> AsyncIterator[JSONObject]:
        """Every event matching, newest first, page by page (at most `max_events`)."""
        after: str | None = None
        seen = 0
        while seen < max_events:
            page = await self.list_events(types=types, created_gte=created_gte, starting_after=after)
            items = [item for item in page.get("data", []) if isinstance(item, dict)]
            for item in items:
                seen += 1
                yield item
                if seen >= max_events:
                    return
            if not page.get("has_more") or not items:
                return
            after = str(items[-1]["id"])

    # ----------------------------------------------------------------- the wire

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> JSONObject:
        """One API call, retried; the decoded JSON object. Raises TarotError(PAYMENT)."""
        method = method.upper()
        encoded = urlencode(encode_form(params or {}))
        url = f"{self._base}{path}"
        headers = {
            "Authorization": f"Bearer {self._key}",
            "Stripe-Version": self._version,
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        }
        content: bytes | None = None
        if method == "POST":
            headers["Idempotency-Key"] = idempotency_key or self._new_key()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            content = encoded.encode()
        elif encoded:
            url = f"{url}?{encoded}"
        http = self._client()
        for attempt in range(self._max_retries + 1):
            last = attempt == self._max_retries
            try:
                response = await http.request(method, url, content=content, headers=headers)
            except httpx.TransportError as exc:  # connect errors, timeouts, broken connections
                error = payment_error(f"stripe {method} {path}: {type(exc).__name__}", retryable=True)
                logger.warning(
                    "stripe %s %s failed (attempt %d): %s", method, path, attempt + 1, type(exc).__name__
                )
                if last:
                    raise error from exc
                await self._sleep(self._delay(attempt, None))
                continue
            if 200 <= response.status_code < 300:
                return self._decode(method, path, response)
            error, retryable = self._failure(method, path, response)
            logger.warning(
                "stripe %s %s answered %d (attempt %d, retryable %s)",
                method, path, response.status_code, attempt + 1, retryable,
            )  # fmt: skip
            if not retryable or last:
                raise error
            await self._sleep(self._delay(attempt, response.headers.get("retry-after")))
        raise AssertionError("unreachable")

    def _client(self) -> httpx.AsyncClient:
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self._timeout)
        return self._http

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after is not None:
            try:
                return max(0.0, min(float(retry_after), MAX_RETRY_AFTER))
            except ValueError:
                pass
        delay: float = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * self._jitter())

    @staticmethod
    def _decode(method: str, path: str, response: httpx.Response) -> JSONObject:
        try:
            data = response.json()
        except ValueError:
            detail = f"stripe {method} {path}: a {response.status_code} that is not JSON"
            raise payment_error(detail, retryable=True) from None
        if not isinstance(data, dict):
            raise payment_error(f"stripe {method} {path}: not a JSON object", retryable=False)
        return data

    @staticmethod
    def _failure(method: str, path: str, response: httpx.Response) -> tuple[TarotError, bool]:
        status = response.status_code
        should = response.headers.get("stripe-should-retry")
        if should in ("true", "false"):
            retryable = should == "true"
        else:
            retryable = status in _RETRY_STATUSES or status >= 500
        kind = code = message = ""
        try:
            body = json.loads(response.content)
            error = body.get("error", {}) if isinstance(body, dict) else {}
            if isinstance(error, dict):
                kind, code = str(error.get("type") or ""), str(error.get("code") or "")
                message = str(error.get("message") or "")
        except ValueError:
            message = response.text[:200]
        detail = f"stripe {method} {path} answered {status} {kind}/{code}: {message[:300]}"
        return payment_error(detail, retryable=retryable), retryable
