"""Stripe over raw HTTP (httpx): Checkout Sessions, refunds, look-ups and webhook verification.

`client.StripeClient` speaks Stripe's wire protocol (form-encoded bodies with bracket notation, bearer
auth, an `Idempotency-Key` on every POST, retries); `gateway.StripePaymentGateway` is the
`PaymentGateway` port on it; `events.StripeEventTranslator` turns webhook events into the domain's
provider events; `webhooks.WebhookVerifier` checks `Stripe-Signature`.
"""
