"""Stripe's objects and webhook events, translated into the domain's provider events.

The wire format is parsed by a private cattrs converter into the few fields we read (unknown fields are
ignored; an expanded object where an id is expected is reduced to its id). Which event means what:

- `checkout.session.completed` (payment_status `paid`) and `checkout.session.async_payment_succeeded`
  → PaymentSucceeded. In subscription mode it names the subscription's first invoice, so it settles
  the same period as that invoice's `invoice.paid` (see the payments use case).
- `checkout.session.async_payment_failed` / `checkout.session.expired` → PaymentFailed.
- `invoice.paid` with billing_reason `subscription_create` (the first period) or `subscription_cycle`
  (a renewal) → PaymentSucceeded; other billing reasons (prorations, manual invoices) and invoices of
  subscriptions we did not sell are ignored.
- `charge.refunded` → PaymentRefunded (by total refunded so far).
- `charge.dispute.created`, `.updated`, `.closed`, `.funds_withdrawn`, `.funds_reinstated` →
  DisputeUpdated with the dispute's status (funds withdrawn from an inquiry mean it escalated to
  `needs_response`; funds reinstated mean `won`). What a status means for the credits is the Payment
  aggregate's rule: inquiries take nothing, a chargeback takes its share once per payment.
- `customer.subscription.deleted` → SubscriptionEnded.
Everything else → EventIgnored.

Our order id travels as the Checkout Session's `client_reference_id` and as `order_id` metadata on
the session, its PaymentIntent (one-off) or its subscription. When an event lacks what we need (an
invoice without its subscription's metadata, a dispute without its PaymentIntent), fresh state is
fetched through the client.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import cattrs
from attrs import Factory, define

from adapters.stripe_http.client import StripeClient
from tarot_domain.model.payments import CLOSED, ESCALATED
from tarot_domain.model.products import STRIPE
from tarot_ports.payments import (
    DisputeUpdated,
    EventIgnored,
    PaymentFailed,
    PaymentRefunded,
    PaymentSucceeded,
    ProviderEvent,
    ProviderPayment,
    SubscriptionEnded,
)

DISPUTE_EVENTS = frozenset(
    {
        "charge.dispute.created",
        "charge.dispute.updated",
        "charge.dispute.closed",
        "charge.dispute.funds_withdrawn",
        "charge.dispute.funds_reinstated",
    }
)
FIRST_PERIOD = "subscription_create"
RENEWAL = "subscription_cycle"


# --- the wire format (cattrs, private to this adapter) --------------------------------------------


@define
class _Session:
    id: str
    mode: str = "payment"
    payment_status: str = "unpaid"
    client_reference_id: str | None = None
    metadata: dict[str, str] = Factory(dict)
    amount_total: int | None = None
    currency: str | None = None
    payment_intent: str | None = None
    subscription: str | None = None
    invoice: str | None = None


@define
class _SubscriptionDetails:
    metadata: dict[str, str] = Factory(dict)


@define
class _Line:
    metadata: dict[str, str] = Factory(dict)


@define
class _Lines:
    data: list[_Line] = Factory(list)


@define
class _Invoice:
    id: str
    subscription: str | None = None
    billing_reason: str | None = None
    amount_paid: int = 0
    currency: str = ""
    payment_intent: str | None = None
    charge: str | None = None
    subscription_details: _SubscriptionDetails | None = None
    lines: _Lines | None = None


@define
class _Charge:
    id: str
    amount: int = 0
    amount_refunded: int = 0
    currency: str = ""
    payment_intent: str | None = None
    invoice: str | None = None
    metadata: dict[str, str] = Factory(dict)


@define
class _Dispute:
    id: str
    charge: str | None = None
    payment_intent: str | None = None
    amount: int = 0
    currency: str = ""
    status: str = ""


@define
class _Subscription:
    id: str
    status: str = ""
    metadata: dict[str, str] = Factory(dict)


@define
class _PaymentIntent:
    id: str
    amount: int = 0
    amount_received: int = 0
    currency: str = ""
    status: str = ""
    invoice: str | None = None
    metadata: dict[str, str] = Factory(dict)


def _id_or_none(value: Any, _: type) -> str | None:
    """An id, or an expanded object reduced to its id."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else None


def _metadata(value: Any, _: type) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if v is not None}


_wire = cattrs.Converter(forbid_extra_keys=False)
_wire.register_structure_hook(str | None, _id_or_none)
_wire.register_structure_hook_func(lambda t: t == dict[str, str], _metadata)


def structure(data: Any, cls: type[Any]) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"a Stripe {cls.__name__.strip('_').lower()} must be a JSON object")
    try:
        return _wire.structure(data, cls)
    except (cattrs.BaseValidationError, TypeError, ValueError) as exc:
        raise ValueError(f"malformed Stripe {cls.__name__.strip('_').lower()}: {exc}") from None


def dispute_status(kind: str, status: str) -> str:
    """The status an event reports: its dispute's own, except that money moving says more."""
    if kind.endswith("funds_withdrawn") and (not status or status.startswith("warning_")):
        return ESCALATED
    if kind.endswith("funds_reinstated") and status not in CLOSED:
        return "won"
    return status or ESCALATED


def _currency(code: str | None) -> str:
    return (code or "").upper()


# --- facts about money ---------------------------------------------------------------------------


def session_payment(session: _Session) -> ProviderPayment | None:
    order_id = session.client_reference_id or session.metadata.get("order_id")
    if not order_id or session.amount_total is None:
        return None
    if session.mode == "subscription":
        return ProviderPayment(
            STRIPE, order_id, None, session.amount_total, _currency(session.currency), session.invoice, True
        )
    return ProviderPayment(
        STRIPE, order_id, session.payment_intent, session.amount_total, _currency(session.currency)
    )


class StripeEventTranslator:
    """Webhook event (decoded JSON) → the domain's ProviderEvent. `client` fetches fresh state when an
    event lacks what we need; without one such events are ignored."""

    def __init__(self, client: StripeClient | None = None) -> None:
        self._client = client

    async def translate(self, event: Mapping[str, Any]) -> ProviderEvent:
        """Raises ValueError for an object that is not what its event type says, and
        TarotError(PAYMENT) when fresh state cannot be fetched."""
        event_id, kind = str(event["id"]), str(event["type"])
        data = event.get("data")
        obj = data.get("object") if isinstance(data, dict) else None
        if kind in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
            session: _Session = structure(obj, _Session)
            payment = session_payment(session)
            if payment is None:
                return EventIgnored(STRIPE, event_id, f"session {session.id} is not one of our orders")
            if session.payment_status != "paid":
                return EventIgnored(STRIPE, event_id, f"session {session.id} is {session.payment_status}")
            return PaymentSucceeded(STRIPE, event_id, payment)
        if kind in ("checkout.session.async_payment_failed", "checkout.session.expired"):
            session = structure(obj, _Session)
            order_id = session.client_reference_id or session.metadata.get("order_id")
            if not order_id:
                return EventIgnored(STRIPE, event_id, f"session {session.id} is not one of our orders")
            expired = kind.endswith("expired")
            reason = f"checkout {session.id} {'expired' if expired else 'payment failed'}"
            return PaymentFailed(STRIPE, event_id, order_id, reason, expired=expired)
        if kind == "invoice.paid":
            invoice: _Invoice = structure(obj, _Invoice)
            paid = await self.invoice_payment(invoice)
            if isinstance(paid, str):
                return EventIgnored(STRIPE, event_id, paid)
            return PaymentSucceeded(STRIPE, event_id, paid)
        if kind == "charge.refunded":
            charge: _Charge = structure(obj, _Charge)
            ref = charge.payment_intent or charge.id
            facts = None
            order_id = charge.metadata.get("order_id")
            if order_id and charge.invoice is None:
                facts = ProviderPayment(STRIPE, order_id, ref, charge.amount, _currency(charge.currency))
            return PaymentRefunded(STRIPE, event_id, ref, charge.amount_refunded, facts)
        if kind in DISPUTE_EVENTS:
            dispute: _Dispute = structure(obj, _Dispute)
            disputed = dispute.payment_intent or await self._charge_payment_intent(dispute.charge)
            if disputed is None:
                return EventIgnored(STRIPE, event_id, f"dispute {dispute.id} names no payment")
            status = dispute_status(kind, dispute.status)
            return DisputeUpdated(STRIPE, event_id, disputed, dispute.id, status, dispute.amount)
        if kind == "customer.subscription.deleted":
            subscription: _Subscription = structure(obj, _Subscription)
            order_id = subscription.metadata.get("order_id")
            if not order_id:
                return EventIgnored(STRIPE, event_id, f"subscription {subscription.id} is not ours")
            return SubscriptionEnded(STRIPE, event_id, order_id, subscription.id)
        return EventIgnored(STRIPE, event_id, f"{kind} needs nothing from us")

    async def invoice_payment(self, invoice: _Invoice) -> ProviderPayment | str:
        """The period an invoice paid for, or why it is not one of ours."""
        if invoice.subscription is None:
            return f"invoice {invoice.id} is not for a subscription"
        if invoice.billing_reason not in (FIRST_PERIOD, RENEWAL):
            return f"invoice {invoice.id} is a {invoice.billing_reason} invoice"
        if invoice.amount_paid <= 0:
            return f"invoice {invoice.id} paid nothing"
        order_id = await self._subscription_order(invoice)
        if not order_id:
            return f"subscription {invoice.subscription} is not one of our orders"
        return ProviderPayment(
            STRIPE,
            order_id,
            invoice.payment_intent,
            invoice.amount_paid,
            _currency(invoice.currency),
            invoice.id,
            invoice.billing_reason == FIRST_PERIOD,
        )

    async def _subscription_order(self, invoice: _Invoice) -> str | None:
        if invoice.subscription_details and invoice.subscription_details.metadata.get("order_id"):
            return invoice.subscription_details.metadata["order_id"]
        for line in invoice.lines.data if invoice.lines else []:
            if line.metadata.get("order_id"):
                return line.metadata["order_id"]
        if self._client is None or invoice.subscription is None:
            return None
        fresh: _Subscription = structure(
            await self._client.retrieve_subscription(invoice.subscription), _Subscription
        )
        return fresh.metadata.get("order_id")

    async def _charge_payment_intent(self, charge_id: str | None) -> str | None:
        if charge_id is None or self._client is None:
            return charge_id
        charge: _Charge = structure(await self._client.retrieve_charge(charge_id), _Charge)
        return charge.payment_intent or charge.id

    async def find_payment(self, payment_intent_id: str) -> ProviderPayment | None:
        """Fresh state for a PaymentIntent: the order it paid (via its invoice for a subscription, its
        metadata, or the Checkout Session that made it), or None when it is not ours or not paid."""
        if self._client is None:
            return None
        if not payment_intent_id.startswith("pi_"):
            charge: _Charge = structure(await self._client.retrieve_charge(payment_intent_id), _Charge)
            if charge.payment_intent is None:
                return None
            payment_intent_id = charge.payment_intent
        intent: _PaymentIntent = structure(
            await self._client.retrieve_payment_intent(payment_intent_id), _PaymentIntent
        )
        if intent.status != "succeeded":
            return None
        if intent.invoice is not None:
            invoice: _Invoice = structure(await self._client.retrieve_invoice(intent.invoice), _Invoice)
            paid = await self.invoice_payment(invoice)
            return None if isinstance(paid, str) else paid
        order_id = intent.metadata.get("order_id")
        if not order_id:
            sessions = await self._client.list_checkout_sessions(payment_intent=intent.id, limit=1)
            found = session_payment(structure(sessions[0], _Session)) if sessions else None
            order_id = found.order_id if found else None
        if not order_id:
            return None
        amount = intent.amount_received or intent.amount
        return ProviderPayment(STRIPE, order_id, intent.id, amount, _currency(intent.currency))
