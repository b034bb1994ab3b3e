"""Payment providers: sending a customer to pay, and what providers tell us about money.

The provider-neutral events below are what an adapter makes of a provider's webhook (Stripe's JSON,
say); `PaymentService.apply` applies each exactly once. `PaymentGateway` is the port to a provider
that sells through a hosted checkout page (Stripe Checkout); Telegram Stars needs none, since the
bot itself sends the invoice.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from attrs import frozen

from tarot_domain.model.payments import Payment


@frozen
class ProviderPayment:
    """Money a provider took for one of our orders, as the provider tells it.

    `provider_ref` is the provider's id for the money (a Stripe PaymentIntent id), what refunds and
    disputes name; it may be None when the telling does not carry it (Stripe's Checkout Session of a
    subscription names its invoice, not the payment). A subscription's period is `invoice_id`;
    `first_period` says the invoice is the one that started the subscription, which settles the order
    itself, while a later period becomes a payment of its own. `period_end` is the end of the period the
    money pays for when the provider dates it (Telegram Stars: `subscription_until_date`); the tier then
    runs until exactly that moment.
    """

    provider: str
    order_id: str
    provider_ref: str | None
    amount: int
    currency: str
    invoice_id: str | None = None
    first_period: bool = True
    period_end: datetime | None = None


@frozen
class PaymentSucceeded:
    """Money arrived (Stripe: a paid `checkout.session.completed`, `async_payment_succeeded`,
    `invoice.paid`; Telegram: the successful-payment service message, event id `tg:<charge id>`)."""

    provider: str
    event_id: str
    payment: ProviderPayment


@frozen
class PaymentFailed:
    """The customer did not pay (an expired checkout, a failed delayed payment): the order is closed."""

    provider: str
    event_id: str
    order_id: str
    reason: str
    expired: bool = False


@frozen
class PaymentRefunded:
    """`refunded_total` is everything refunded so far for the money `provider_ref`, in minor units
    (Telegram: a Stars refund, event id `refund:<charge id>`).
    `payment` repeats what the provider says about the money itself when the event carries it."""

    provider: str
    event_id: str
    provider_ref: str
    refunded_total: int
    payment: ProviderPayment | None = None


@frozen
class DisputeUpdated:
    """News about one dispute on the money `provider_ref`: opened, escalated, funds withdrawn or
    reinstated, closed. `status` is the provider's word (Stripe's `warning_needs_response` …
    `warning_closed` for an inquiry, `needs_response`, `under_review`, `won`, `lost` for a chargeback);
    what it means for the credits is the Payment aggregate's rule."""

    provider: str
    event_id: str
    provider_ref: str
    dispute_id: str
    status: str
    amount: int
    payment: ProviderPayment | None = None


@frozen
class SubscriptionEnded:
    """The subscription started by order `order_id` is over (Stripe: `customer.subscription.deleted`)."""

    provider: str
    event_id: str
    order_id: str
    subscription_id: str


@frozen
class RenewalStopped:
    """The subscription started by order `order_id` will not renew (the buyer cancelled it through us:
    Telegram Stars' `payments.botCancelStarsSubscription`); the tier runs until its period ends."""

    provider: str
    event_id: str
    order_id: str
    subscription_id: str


@frozen
class RefundRequested:
    """All of the money `provider_ref` should go back to its buyer, for `reason` (an operator asked, or
    Telegram Stars money we could not accept). Whoever can reach the provider carries it out."""

    provider: str
    event_id: str
    provider_ref: str
    reason: str


@frozen
class RefundRefused:
    """The provider would not return the money `provider_ref` (`detail` says why): the payment is
    flagged for an operator."""

    provider: str
    event_id: str
    provider_ref: str
    detail: str


@frozen
class EventIgnored:
    """A genuine event that asks nothing of us (another product on the account, an unpaid session)."""

    provider: str
    event_id: str
    reason: str


ProviderEvent = (
    PaymentSucceeded
    | PaymentFailed
    | PaymentRefunded
    | DisputeUpdated
    | SubscriptionEnded
    | RenewalStopped
    | RefundRequested
    | RefundRefused
    | EventIgnored
)


@frozen
class CheckoutRequest:
    """A hosted checkout for `order`; `subscription` charges `order.amount` monthly until cancelled."""

    order: Payment
    product_name: str
    subscription: bool
    success_url: str
    cancel_url: str
    language: str = "en"


@frozen
class CheckoutSession:
    id: str
    url: str
    expires_at: datetime | None = None


class PaymentGateway(Protocol):
    @property
    def provider(self) -> str:
        """The provider's name as stored with payments (`stripe`)."""
        ...

    async def create_checkout(self, request: CheckoutRequest) -> CheckoutSession:
        """A hosted page where the customer pays for `request.order`; the order id travels with it.
        Retried safely (one idempotency key per order). Raises PAYMENT (retryable or not)."""
        ...

    async def find_payment(self, provider_ref: str) -> ProviderPayment | None:
        """Fresh state for the money `provider_ref`: which order it paid, how much. None when it is not
        money for one of our orders. Raises PAYMENT (retryable) when the provider cannot be asked."""
        ...

    async def refund(self, provider_ref: str, amount: int | None, idempotency_key: str) -> str:
        """Refund `amount` (everything when None) of the money `provider_ref`; returns the refund id.
        The credits are taken back when the provider reports the refund. Raises PAYMENT."""
        ...

    async def cancel_subscription(self, order_id: str, provider_ref: str | None) -> str | None:
        """Cancel, now, the subscription our order `order_id` started (`provider_ref`: the money of a
        period of it, where known), so it is never charged again; returns the provider's id for the
        subscription cancelled, None when there is no live one (it ended already). Safe to repeat.
        Raises PAYMENT (retryable) when the provider cannot be asked or cannot say which it is."""
        ...


@frozen
class WebhookDelivery:
    """A genuine provider notification, translated: `kind` is the provider's own name for it
    (`checkout.session.completed`), for logs."""

    event: ProviderEvent
    kind: str


class PaymentWebhooks(Protocol):
    """What a provider's webhook endpoint needs: proof that a delivery is genuine and fresh, and the
    provider-neutral event it carries. The HTTP adapter owns the endpoint; the provider's adapter owns
    the signature scheme and the wire format."""

    @property
    def provider(self) -> str:
        """The provider's name, as in the endpoint's path (`/webhooks/stripe`)."""
        ...

    async def read(self, payload: bytes, headers: Mapping[str, str]) -> WebhookDelivery:
        """Verify `payload` against the request's headers (a signature, its timestamp) and translate it.

        Raises VALIDATION (never retryable) for a delivery that is not genuine, fresh and well formed:
        answer 400 and change nothing. Raises PAYMENT (retryable) when the provider had to be asked for
        fresh state and could not be: answer so that the provider delivers again.
        """
        ...
