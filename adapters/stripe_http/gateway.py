"""`StripePaymentGateway`: the PaymentGateway port on Stripe Checkout.

A credit pack is a one-off Checkout Session (`mode=payment`); a subscription tier is a monthly one
(`mode=subscription`, recurring `price_data`). Prices are sent inline (`price_data` in the order's
currency), so no Stripe Product or Price has to be set up by hand. Our order id travels as
`client_reference_id` and, with the user and product ids, as metadata on the session and on the
PaymentIntent (one-off) or the subscription, which is where refunds, disputes and invoices find it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from adapters.stripe_http.client import StripeClient
from adapters.stripe_http.events import StripeEventTranslator
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.products import STRIPE
from tarot_ports.payments import CheckoutRequest, CheckoutSession, ProviderPayment

# Checkout's own locales that we speak; anything else lets Stripe pick from the browser.
CHECKOUT_LOCALES = frozenset({"en"})
ENDED_SUBSCRIPTION_STATUSES = frozenset({"canceled", "incomplete_expired"})


def checkout_params(request: CheckoutRequest) -> dict[str, Any]:
    order = request.order
    metadata = {"order_id": order.id, "user_id": order.user_id, "product_id": order.product_id}
    price_data: dict[str, Any] = {
        "currency": order.currency.lower(),
        "unit_amount": order.amount,
        "product_data": {"name": request.product_name, "metadata": {"product_id": order.product_id}},
    }
    params: dict[str, Any] = {
        "mode": "subscription" if request.subscription else "payment",
        "client_reference_id": order.id,
        "line_items": [{"quantity": 1, "price_data": price_data}],
        "metadata": metadata,
        "success_url": request.success_url,
        "cancel_url": request.cancel_url,
        "locale": request.language if request.language in CHECKOUT_LOCALES else "auto",
    }
    if request.subscription:
        price_data["recurring"] = {"interval": "month", "interval_count": 1}
        params["subscription_data"] = {"metadata": metadata}
    else:
        params["payment_intent_data"] = {"metadata": metadata}
    return params


class StripePaymentGateway:
    """PaymentGateway port: Stripe Checkout, refunds and fresh look-ups of payments."""

    def __init__(self, client: StripeClient) -> None:
        self._client = client
        self._translator = StripeEventTranslator(client)

    @property
    def provider(self) -> str:
        return STRIPE

    async def create_checkout(self, request: CheckoutRequest) -> CheckoutSession:
        # One key per order: a retried or repeated call for the same order returns the same session.
        data = await self._client.create_checkout_session(
            checkout_params(request), idempotency_key=f"checkout:{request.order.id}"
        )
        session_id, url = data.get("id"), data.get("url")
        if not isinstance(session_id, str) or not isinstance(url, str):
            raise TarotError(ErrorKind.PAYMENT, "stripe checkout session without id or url", retryable=False)
        expires = data.get("expires_at")
        expires_at = datetime.fromtimestamp(expires, UTC) if isinstance(expires, int) else None
        return CheckoutSession(session_id, url, expires_at)

    async def find_payment(self, provider_ref: str) -> ProviderPayment | None:
        try:
            return await self._translator.find_payment(provider_ref)
        except ValueError as exc:
            raise TarotError(
                ErrorKind.PAYMENT, f"stripe look-up of {provider_ref}: {exc}", retryable=False
            ) from None

    async def refund(self, provider_ref: str, amount: int | None, idempotency_key: str) -> str:
        data = await self._client.create_refund(provider_ref, amount=amount, idempotency_key=idempotency_key)
        refund_id = data.get("id")
        if not isinstance(refund_id, str):
            raise TarotError(ErrorKind.PAYMENT, "stripe refund without id", retryable=False)
        return refund_id

    async def cancel_subscription(self, order_id: str, provider_ref: str | None) -> str | None:
        """The subscription is found from the money of its first period (PaymentIntent → invoice →
        subscription), checked to be this order's by its metadata, and cancelled unless it has ended."""
        subscription_id = await self._subscription_of(provider_ref) if provider_ref else None
        if subscription_id is None:
            raise TarotError(
                ErrorKind.PAYMENT, f"stripe: no subscription known yet for order {order_id}", retryable=True
            )
        subscription = await self._client.retrieve_subscription(subscription_id)
        metadata = subscription.get("metadata")
        if not isinstance(metadata, dict) or metadata.get("order_id") != order_id:
            raise TarotError(
                ErrorKind.PAYMENT, f"stripe: {subscription_id} is not order {order_id}'s", retryable=False
            )
        if subscription.get("status") in ENDED_SUBSCRIPTION_STATUSES:
            return None
        await self._client.cancel_subscription(subscription_id)
        return subscription_id

    async def _subscription_of(self, provider_ref: str) -> str | None:
        """The subscription a period's money paid for: its invoice names it."""
        money = (
            await self._client.retrieve_payment_intent(provider_ref)
            if provider_ref.startswith("pi_")
            else await self._client.retrieve_charge(provider_ref)
        )
        invoice_id = money.get("invoice")
        if not isinstance(invoice_id, str):
            return None
        subscription = (await self._client.retrieve_invoice(invoice_id)).get("subscription")
        return subscription if isinstance(subscription, str) else None
