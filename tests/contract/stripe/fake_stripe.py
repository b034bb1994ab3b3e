"""A local stand-in for Stripe's API (aiohttp.web), keeping state and sending signed webhook events.

It speaks Stripe's wire protocol: form-encoded bodies with bracket notation, `Authorization: Bearer`,
idempotency keys (a replay returns the first response with `Idempotent-Replayed: true`; the same key
with other parameters is an `idempotency_error`), Stripe's error bodies, list objects with `has_more`
and `starting_after`. The official `stripe` package talks to it (see test_fake_stripe.py), which is
what makes it a trustworthy fake.

State: Checkout Sessions (payment and subscription mode), PaymentIntents and Charges, Refunds,
Subscriptions and Invoices, Disputes, and Events. Objects have the shapes of API version 2024-06-20
(invoices carry `subscription`, `payment_intent`, `charge`; charges and PaymentIntents carry
`invoice`). As Stripe does, a Checkout Session's metadata is not copied to the PaymentIntent (only
`payment_intent_data[metadata]` is), nor a PaymentIntent's to its Charge.

What a customer or a bank does is driven from Python: `complete_session`, `succeed_async_payment`,
`expire_session`, `renew_subscription`, `open_dispute`, `close_dispute`, `cancel_subscription` (refunds
come through the API). Each records events and, unless `hold_events` is set, delivers them to
`webhook_url` signed with `webhook_secret`, in order; held events are sent with `deliver`.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import aiohttp
from aiohttp import web
from attrs import define, field

API_VERSION = "2024-06-20"
JSON = dict[str, Any]


class StripeFailure(Exception):
    def __init__(
        self, status: int, kind: str, message: str, code: str | None = None, param: str | None = None
    ):
        super().__init__(message)
        self.status, self.kind, self.message, self.code, self.param = status, kind, message, code, param

    def body(self) -> JSON:
        error: JSON = {"type": self.kind, "message": self.message}
        if self.code:
            error["code"] = self.code
        if self.param:
            error["param"] = self.param
        return {"error": error}


def decode_form(raw: str) -> JSON:
    """Stripe's bracket notation back into nested objects (`a[0][b]=1` → {"a": [{"b": "1"}]})."""
    root: JSON = {}
    for key, value in parse_qsl(raw, keep_blank_values=True):
        head, _, rest = key.partition("[")
        parts = [head] + ([p.rstrip("]") for p in ("[" + rest).split("[")[1:]] if rest else [])
        node: Any = root
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            if part == "":  # `expand[]=x`
                part = str(len(node))
            if last:
                node[part] = value
            else:
                node = node.setdefault(part, {})
    return _lists(root)


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        converted = {k: _lists(v) for k, v in value.items()}
        if converted and all(k.isdigit() for k in converted):
            return [converted[k] for k in sorted(converted, key=int)]
        return converted
    return value


def _int(params: JSON, name: str, default: int | None = None) -> int | None:
    raw = params.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise StripeFailure(
            400, "invalid_request_error", f"Invalid integer: {raw}", "parameter_invalid_integer", name
        ) from None


def sign_payload(payload: bytes, secret: str, timestamp: int) -> str:
    signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


@define
class Delivery:
    event_id: str
    event_type: str
    status: int


@define
class FakeStripe:
    api_key: str = "sk_test_fake_0123456789"
    webhook_secret: str = "whsec_fake_0123456789"
    webhook_url: str | None = None
    hold_events: bool = False
    fail_next: list[int] = field(factory=list)
    """Statuses (429, 500, ...) to answer the next API requests with, one each."""
    clock: Callable[[], float] = time.time
    url: str = ""
    """`http://127.0.0.1:<port>` once started: Stripe's API base."""
    sessions: dict[str, JSON] = field(factory=dict)
    payment_intents: dict[str, JSON] = field(factory=dict)
    charges: dict[str, JSON] = field(factory=dict)
    refunds: dict[str, JSON] = field(factory=dict)
    subscriptions: dict[str, JSON] = field(factory=dict)
    invoices: dict[str, JSON] = field(factory=dict)
    disputes: dict[str, JSON] = field(factory=dict)
    events: list[JSON] = field(factory=list)
    held: list[JSON] = field(factory=list)
    deliveries: list[Delivery] = field(factory=list)
    requests: list[tuple[str, str, JSON, dict[str, str]]] = field(factory=list)
    _private: dict[str, JSON] = field(factory=dict)
    _idempotency: dict[str, tuple[str, int, JSON]] = field(factory=dict)
    _tasks: set[asyncio.Task[None]] = field(factory=set)
    _runner: web.AppRunner | None = None

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/v1/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"

    async def settle(self) -> None:
        """Wait until the webhooks that API calls caused have been delivered."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks))

    async def stop(self) -> None:
        await self.settle()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ----------------------------------------------------------------- the API

    async def _handle(self, request: web.Request) -> web.Response:
        raw = (await request.read()).decode()
        params = decode_form(raw if request.method == "POST" else request.query_string)
        self.requests.append((request.method, request.path, params, dict(request.headers)))
        try:
            self._authenticate(request)
            if self.fail_next:
                status = self.fail_next.pop(0)
                kind = "rate_limit_error" if status == 429 else "api_error"
                raise StripeFailure(status, kind, "Something went wrong (injected).")
            key = request.headers.get("Idempotency-Key")
            if request.method == "POST" and key:
                fingerprint = hashlib.sha256(f"{request.path}?{raw}".encode()).hexdigest()
                if key in self._idempotency:
                    earlier, status, body = self._idempotency[key]
                    if earlier != fingerprint:
                        message = (
                            "Keys for idempotent requests can only be used with the same parameters "
                            "they were first used with."
                        )
                        raise StripeFailure(400, "idempotency_error", message)
                    return web.json_response(body, status=status, headers={"Idempotent-Replayed": "true"})
            before = len(self.events)
            body = self._route(request.method, request.path, params)
            if request.method == "POST" and key:
                self._idempotency[key] = (fingerprint, 200, body)
            if len(self.events) > before:  # like Stripe, webhooks go out after the response
                task = asyncio.get_running_loop().create_task(self._flush())
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            return web.json_response(body, headers={"Request-Id": f"req_{secrets.token_hex(6)}"})
        except StripeFailure as failure:
            return web.json_response(failure.body(), status=failure.status)

    def _authenticate(self, request: web.Request) -> None:
        scheme, _, key = request.headers.get("Authorization", "").partition(" ")
        if scheme != "Bearer" or not key:
            raise StripeFailure(401, "invalid_request_error", "You did not provide an API key.")
        if not hmac.compare_digest(key, self.api_key):
            masked = key[:8] + "*" * max(0, len(key) - 12) + key[-4:]
            raise StripeFailure(401, "invalid_request_error", f"Invalid API Key provided: {masked}")

    def _route(self, method: str, path: str, params: JSON) -> JSON:
        parts = path.strip("/").split("/")[1:]  # without "v1"
        collections = {
            "payment_intents": (self.payment_intents, "payment_intent"),
            "charges": (self.charges, "charge"),
            "refunds": (self.refunds, "refund"),
            "subscriptions": (self.subscriptions, "subscription"),
            "invoices": (self.invoices, "invoice"),
            "disputes": (self.disputes, "dispute"),
        }
        if parts[:2] == ["checkout", "sessions"]:
            if method == "POST" and len(parts) == 2:
                return self.create_session(params)
            if method == "GET" and len(parts) == 3:
                return self._get(self.sessions, "checkout.session", parts[2])
            if method == "GET" and len(parts) == 2:
                items = [
                    s
                    for s in self.sessions.values()
                    if not params.get("payment_intent") or s["payment_intent"] == params["payment_intent"]
                ]
                return self._list("/v1/checkout/sessions", items[::-1], params)
        if parts == ["refunds"] and method == "POST":
            return self.create_refund(params)
        if parts[0] == "events" and method == "GET":
            if len(parts) == 2:
                return self._get({e["id"]: e for e in self.events}, "event", parts[1])
            return self.list_events(params)
        if parts[0] == "subscriptions" and method == "DELETE" and len(parts) == 2:
            self._get(self.subscriptions, "subscription", parts[1])
            return self.cancel_subscription(parts[1], deliver=False)
        if parts[0] in collections and method == "GET" and len(parts) == 2:
            store, name = collections[parts[0]]
            return self._get(store, name, parts[1])
        raise StripeFailure(404, "invalid_request_error", f"Unrecognized request URL ({method}: {path}).")

    @staticmethod
    def _get(store: dict[str, JSON], name: str, object_id: str) -> JSON:
        if object_id not in store:
            raise StripeFailure(
                404, "invalid_request_error", f"No such {name}: '{object_id}'", "resource_missing", "id"
            )
        return copy.deepcopy(store[object_id])

    @staticmethod
    def _list(url: str, items: list[JSON], params: JSON) -> JSON:
        limit = max(1, min(_int(params, "limit", 10) or 10, 100))
        after = params.get("starting_after")
        if after:
            ids = [item["id"] for item in items]
            items = items[ids.index(after) + 1 :] if after in ids else []
        return {
            "object": "list",
            "url": url,
            "has_more": len(items) > limit,
            "data": copy.deepcopy(items[:limit]),
        }

    def list_events(self, params: JSON) -> JSON:
        items = self.events[::-1]
        types = params.get("types") or ([params["type"]] if params.get("type") else None)
        if types:
            items = [e for e in items if e["type"] in types]
        created = params.get("created")
        if isinstance(created, dict) and created.get("gte"):
            items = [e for e in items if e["created"] >= int(created["gte"])]
        return self._list("/v1/events", items, params)

    # ----------------------------------------------------------------- objects

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{secrets.token_hex(12)}"

    def _now(self) -> int:
        return int(self.clock())

    def create_session(self, params: JSON) -> JSON:
        mode = params.get("mode")
        if mode not in ("payment", "subscription", "setup"):
            raise StripeFailure(
                400, "invalid_request_error", "Missing required param: mode.", "parameter_missing", "mode"
            )
        items = params.get("line_items")
        if not isinstance(items, list) or not items:
            raise StripeFailure(
                400,
                "invalid_request_error",
                "Missing required param: line_items.",
                "parameter_missing",
                "line_items",
            )
        total, currencies = 0, set()
        for index, item in enumerate(items):
            price = item.get("price_data") if isinstance(item, dict) else None
            if not isinstance(price, dict) or "currency" not in price or "unit_amount" not in price:
                raise StripeFailure(
                    400,
                    "invalid_request_error",
                    "Each line item needs price_data with currency and unit_amount.",
                    "parameter_missing",
                    f"line_items[{index}][price_data]",
                )
            recurring = "recurring" in price
            if recurring != (mode == "subscription"):
                message = (
                    "You specified `payment` mode but passed a recurring price."
                    if recurring
                    else "You must provide at least one recurring price in `subscription` mode."
                )
                raise StripeFailure(400, "invalid_request_error", message)
            total += int(price["unit_amount"]) * int(item.get("quantity", 1))
            currencies.add(price["currency"])
        if len(currencies) != 1:
            raise StripeFailure(400, "invalid_request_error", "All line items must share one currency.")
        session_id = self._id("cs_test")
        now = self._now()
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": mode,
            "status": "open",
            "payment_status": "unpaid",
            "url": f"{self.url}/pay/{session_id}",
            "client_reference_id": params.get("client_reference_id"),
            "metadata": params.get("metadata", {}),
            "amount_subtotal": total,
            "amount_total": total,
            "currency": currencies.pop(),
            "customer": None,
            "payment_intent": None,
            "subscription": None,
            "invoice": None,
            "locale": params.get("locale"),
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "created": now,
            "expires_at": now + 24 * 3600,
            "livemode": False,
        }
        self.sessions[session_id] = session
        self._private[session_id] = {
            "line_items": items,
            "payment_intent_data": params.get("payment_intent_data", {}),
            "subscription_data": params.get("subscription_data", {}),
        }
        return copy.deepcopy(session)

    def _charge(
        self, amount: int, currency: str, metadata: JSON, invoice: str | None = None
    ) -> tuple[JSON, JSON]:
        pi_id, charge_id = self._id("pi"), self._id("ch")
        intent = {
            "id": pi_id,
            "object": "payment_intent",
            "amount": amount,
            "amount_received": amount,
            "currency": currency,
            "status": "succeeded",
            "metadata": dict(metadata),
            "latest_charge": charge_id,
            "invoice": invoice,
            "created": self._now(),
            "livemode": False,
        }
        charge = {
            "id": charge_id,
            "object": "charge",
            "amount": amount,
            "amount_refunded": 0,
            "currency": currency,
            "payment_intent": pi_id,
            "paid": True,
            "refunded": False,
            "disputed": False,
            "status": "succeeded",
            "metadata": {},
            "invoice": invoice,
            "created": self._now(),
            "livemode": False,
        }
        self.payment_intents[pi_id], self.charges[charge_id] = intent, charge
        return intent, charge

    def _invoice(self, subscription: JSON, reason: str) -> JSON:
        invoice_id = self._id("in")
        amount, currency = subscription["plan_amount"], subscription["currency"]
        intent, charge = self._charge(amount, currency, {}, invoice_id)
        now = self._now()
        invoice = {
            "id": invoice_id,
            "object": "invoice",
            "subscription": subscription["id"],
            "billing_reason": reason,
            "amount_due": amount,
            "amount_paid": amount,
            "amount_remaining": 0,
            "currency": currency,
            "status": "paid",
            "paid": True,
            "payment_intent": intent["id"],
            "charge": charge["id"],
            "subscription_details": {"metadata": dict(subscription["metadata"])},
            "lines": {
                "object": "list",
                "data": [
                    {
                        "object": "line_item",
                        "amount": amount,
                        "currency": currency,
                        "type": "subscription",
                        "metadata": dict(subscription["metadata"]),
                        "period": {"start": now, "end": now + 31 * 86400},
                    }
                ],
                "has_more": False,
            },
            "period_start": now,
            "period_end": now,
            "created": now,
            "livemode": False,
        }
        self.invoices[invoice_id] = invoice
        subscription["latest_invoice"] = invoice_id
        subscription["current_period_start"], subscription["current_period_end"] = now, now + 31 * 86400
        return invoice

    def create_refund(self, params: JSON) -> JSON:
        charge = None
        if params.get("charge"):
            charge = self._get(self.charges, "charge", params["charge"])
        elif params.get("payment_intent"):
            intent = self._get(self.payment_intents, "payment_intent", params["payment_intent"])
            charge = self.charges[intent["latest_charge"]]
        if charge is None:
            raise StripeFailure(
                400, "invalid_request_error", "One of `charge` or `payment_intent` is required."
            )
        live = self.charges[charge["id"]]
        remaining = live["amount"] - live["amount_refunded"]
        amount = _int(params, "amount", remaining) or 0
        if amount <= 0 or amount > remaining:
            raise StripeFailure(
                400,
                "invalid_request_error",
                f"Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining})",
                "amount_too_large",
                "amount",
            )
        live["amount_refunded"] += amount
        live["refunded"] = live["amount_refunded"] == live["amount"]
        refund = {
            "id": self._id("re"),
            "object": "refund",
            "amount": amount,
            "charge": live["id"],
            "payment_intent": live["payment_intent"],
            "currency": live["currency"],
            "status": "succeeded",
            "reason": params.get("reason"),
            "metadata": params.get("metadata", {}),
            "created": self._now(),
        }
        self.refunds[refund["id"]] = refund
        self._emit("refund.created", refund)
        self._emit("charge.refunded", live)
        return copy.deepcopy(refund)

    # ----------------------------------------------------------------- what customers and banks do

    async def complete_session(self, session_id: str, *, async_payment: bool = False) -> JSON:
        """The customer pays on the Checkout page (for `async_payment`, a bank debit still pending)."""
        session = self.sessions[session_id]
        private = self._private[session_id]
        if session["mode"] == "payment":
            metadata = private["payment_intent_data"].get("metadata", {})
            intent, _charge = self._charge(session["amount_total"], session["currency"], metadata)
            session["payment_intent"] = intent["id"]
            if async_payment:
                intent["status"] = "processing"
                self.charges[intent["latest_charge"]]["status"] = "pending"
        else:
            price = private["line_items"][0]["price_data"]
            subscription = {
                "id": self._id("sub"),
                "object": "subscription",
                "status": "active",
                "metadata": dict(private["subscription_data"].get("metadata", {})),
                "currency": session["currency"],
                "plan_amount": session["amount_total"],
                "items": {
                    "object": "list",
                    "data": [
                        {"price": {"unit_amount": price["unit_amount"], "recurring": price.get("recurring")}}
                    ],
                },
                "cancel_at_period_end": False,
                "created": self._now(),
                "livemode": False,
            }
            self.subscriptions[subscription["id"]] = subscription
            invoice = self._invoice(subscription, "subscription_create")
            session["subscription"], session["invoice"] = subscription["id"], invoice["id"]
            self._emit("customer.subscription.created", subscription)
            self._emit("invoice.paid", invoice)
            self._emit("invoice.payment_succeeded", invoice)
        session["status"] = "complete"
        session["payment_status"] = "unpaid" if async_payment else "paid"
        self._emit("checkout.session.completed", session)
        await self._flush()
        return copy.deepcopy(session)

    async def succeed_async_payment(self, session_id: str) -> None:
        session = self.sessions[session_id]
        intent = self.payment_intents[session["payment_intent"]]
        intent["status"] = "succeeded"
        self.charges[intent["latest_charge"]]["status"] = "succeeded"
        session["payment_status"] = "paid"
        self._emit("checkout.session.async_payment_succeeded", session)
        await self._flush()

    async def expire_session(self, session_id: str) -> None:
        session = self.sessions[session_id]
        session["status"] = "expired"
        self._emit("checkout.session.expired", session)
        await self._flush()

    async def renew_subscription(self, subscription_id: str) -> JSON:
        """The next month's invoice is paid."""
        invoice = self._invoice(self.subscriptions[subscription_id], "subscription_cycle")
        self._emit("invoice.paid", invoice)
        self._emit("invoice.payment_succeeded", invoice)
        await self._flush()
        return copy.deepcopy(invoice)

    async def refund(self, payment_intent: str, amount: int | None = None) -> JSON:
        refund = self.create_refund({"payment_intent": payment_intent, "amount": amount})
        await self._flush()
        return refund

    async def open_dispute(self, payment_intent: str, amount: int | None = None) -> JSON:
        intent = self.payment_intents[payment_intent]
        charge = self.charges[intent["latest_charge"]]
        charge["disputed"] = True
        dispute = {
            "id": self._id("du"),
            "object": "dispute",
            "charge": charge["id"],
            "payment_intent": payment_intent,
            "amount": amount if amount is not None else charge["amount"] - charge["amount_refunded"],
            "currency": charge["currency"],
            "status": "needs_response",
            "reason": "fraudulent",
            "created": self._now(),
            "livemode": False,
        }
        self.disputes[dispute["id"]] = dispute
        self._emit("charge.dispute.created", dispute)
        await self._flush()
        return copy.deepcopy(dispute)

    async def close_dispute(self, dispute_id: str, status: str = "won") -> None:
        dispute = self.disputes[dispute_id]
        dispute["status"] = status
        self._emit("charge.dispute.closed", dispute)
        await self._flush()

    def cancel_subscription(self, subscription_id: str, *, deliver: bool = True) -> JSON:
        subscription = self.subscriptions[subscription_id]
        subscription["status"] = "canceled"
        subscription["ended_at"] = self._now()
        self._emit("customer.subscription.deleted", subscription)
        return copy.deepcopy(subscription)

    async def end_subscription(self, subscription_id: str) -> None:
        self.cancel_subscription(subscription_id)
        await self._flush()

    # ----------------------------------------------------------------- events and deliveries

    def _emit(self, kind: str, obj: JSON) -> JSON:
        public = {k: v for k, v in obj.items() if k not in ("plan_amount",)}
        event = {
            "id": self._id("evt"),
            "object": "event",
            "api_version": API_VERSION,
            "created": self._now(),
            "type": kind,
            "data": {"object": copy.deepcopy(public)},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
        }
        self.events.append(event)
        self.held.append(event)
        return event

    async def _flush(self) -> None:
        if self.hold_events or self.webhook_url is None:
            return
        await self.deliver()

    async def deliver(self, events: list[JSON] | None = None) -> list[Delivery]:
        """Send `events` (by default every held one, in order) to `webhook_url`, signed now."""
        batch = list(self.held) if events is None else events
        if events is None:
            self.held.clear()
        sent: list[Delivery] = []
        assert self.webhook_url is not None, "no webhook_url to deliver to"
        async with aiohttp.ClientSession() as http:
            for event in batch:
                payload = json.dumps(event).encode()
                headers = {
                    "Content-Type": "application/json; charset=utf-8",
                    "Stripe-Signature": sign_payload(payload, self.webhook_secret, self._now()),
                    "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                }
                async with http.post(self.webhook_url, data=payload, headers=headers) as response:
                    await response.read()
                    delivery = Delivery(event["id"], event["type"], response.status)
                self.deliveries.append(delivery)
                sent.append(delivery)
        return sent

    def session_for_order(self, order_id: str) -> JSON:
        return next(s for s in self.sessions.values() if s["client_reference_id"] == order_id)
