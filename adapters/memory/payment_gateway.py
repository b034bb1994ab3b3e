"""`MemoryPaymentGateway`: the PaymentGateway port in process, for tests and embedders.

Checkouts get a made-up URL and are remembered; `find_payment` answers from what the test declared
with `declare_payment` (the "provider's" fresh state); refunds are recorded; subscriptions declared with
`declare_subscription` can be cancelled (once). `fail_with` makes the next calls raise, as a provider
outage would.
"""

from __future__ import annotations

from attrs import define, field

from tarot_domain.model.errors import TarotError
from tarot_domain.model.products import STRIPE
from tarot_ports.payments import CheckoutRequest, CheckoutSession, ProviderPayment


@define
class MemoryPaymentGateway:
    provider_name: str = STRIPE
    base_url: str = "https://checkout.invalid/pay"
    checkouts: dict[str, CheckoutRequest] = field(factory=dict)
    payments: dict[str, ProviderPayment] = field(factory=dict)
    refunds: list[tuple[str, int | None, str]] = field(factory=list)
    subscriptions: dict[str, str] = field(factory=dict)  # order id → the live subscription's id
    cancelled: list[str] = field(factory=list)  # subscription ids, in the order they were cancelled
    lookups: list[str] = field(factory=list)
    fail_with: TarotError | None = None

    @property
    def provider(self) -> str:
        return self.provider_name

    def declare_subscription(self, order_id: str, subscription_id: str) -> None:
        """The "provider" holds a live subscription for this order (what a paid Checkout starts)."""
        self.subscriptions[order_id] = subscription_id

    def declare_payment(self, payment: ProviderPayment) -> None:
        if payment.provider_ref is None:
            raise ValueError("a declared payment needs its provider_ref")
        self.payments[payment.provider_ref] = payment

    async def create_checkout(self, request: CheckoutRequest) -> CheckoutSession:
        if self.fail_with is not None:
            raise self.fail_with
        for session_id, earlier in self.checkouts.items():  # one session per order, like an idempotency key
            if earlier.order.id == request.order.id:
                return CheckoutSession(session_id, f"{self.base_url}/{session_id}")
        session_id = f"cs_mem_{len(self.checkouts) + 1}"
        self.checkouts[session_id] = request
        return CheckoutSession(session_id, f"{self.base_url}/{session_id}")

    async def find_payment(self, provider_ref: str) -> ProviderPayment | None:
        self.lookups.append(provider_ref)
        if self.fail_with is not None:
            raise self.fail_with
        return self.payments.get(provider_ref)

    async def refund(self, provider_ref: str, amount: int | None, idempotency_key: str) -> str:
        if self.fail_with is not None:
            raise self.fail_with
        for index, earlier in enumerate(self.refunds):
            if earlier[2] == idempotency_key:
                return f"re_mem_{index + 1}"
        self.refunds.append((provider_ref, amount, idempotency_key))
        return f"re_mem_{len(self.refunds)}"

    async def cancel_subscription(self, order_id: str, provider_ref: str | None) -> str | None:
        if self.fail_with is not None:
            raise self.fail_with
        subscription_id = self.subscriptions.pop(order_id, None)
        if subscription_id is not None:
            self.cancelled.append(subscription_id)
        return subscription_id
