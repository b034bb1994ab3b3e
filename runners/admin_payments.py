"""Operator commands for money: `tarot admin payments --flagged` and
`tarot admin payment grant|refuse ID [--note TEXT]` (money that waits for a decision),
`tarot admin orders USER` (a person's orders and the money recorded against them) and
`tarot admin refund ORDER [--reason TEXT] [--wait SECONDS]` (all of a payment's money back, with its
balancing claw-back).

A refund through Stripe is made at once (the Stripe API, then the claw-back). A Telegram Stars refund
needs the bot's Telegram connection, which this command does not open: it is requested in the database
and the bot carries it out within half a minute (its `stars-refunds` job); the command waits up to
`--wait` seconds and says how it went. Telegram refusing (it allows Stars refunds only for a limited
time) leaves the payment flagged, under `tarot admin payments --flagged`.

A payment is flagged when money arrived that we could not simply accept: a second charge for an order
that was paid already, an amount or currency other than the order's, a renewal that does not carry its
tier's price. It grants nothing until an operator grants it (its credits, and a tier's period) or
refuses it (no credits ever; the money should then be refunded at the provider).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from runners.admin_support import _emit, _find_user, _guard, _iso, _open, _positive_int, _services, _Usage
from runners.stores import StoreHandle
from tarot_domain.model.errors import TarotError
from tarot_domain.model.payments import Payment, order_id_of
from tarot_domain.model.products import STARS, STRIPE
from tarot_domain.use_cases.payments import OperatorRefund, PaymentService, RefundStatus
from tarot_ports.payments import PaymentGateway

POLL = 2.0  # seconds between looks at a Stars refund the bot carries out


def add_payment_commands(sub: Any) -> None:
    listing = sub.add_parser("payments", help="payments whose credits wait for an operator's decision")
    listing.add_argument("--flagged", action="store_true", required=True, help="list flagged payments")
    listing.add_argument("--limit", type=_positive_int, default=100, help="payments to show (default 100)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_guard(_flagged))

    decision = sub.add_parser("payment", help="grant or refuse a flagged payment's credits")
    decision.add_argument("decision", choices=("grant", "refuse"), help="what to do with its credits")
    decision.add_argument("payment_id", metavar="ID", help="the payment id `tarot admin payments` shows")
    decision.add_argument("--note", default="", help="why (kept in the payment's history)")
    decision.set_defaults(handler=_guard(_decide))

    orders = sub.add_parser("orders", help="a user's orders and the money recorded against them")
    orders.add_argument("user", metavar="USER", help="external reference, e.g. telegram:12345")
    orders.add_argument("--limit", type=_positive_int, default=50, help="payments to show (default 50)")
    orders.add_argument("--json", action="store_true", help="print JSON")
    orders.set_defaults(handler=_guard(_orders))

    refund = sub.add_parser("refund", help="refund a payment in full, taking back its credits")
    refund.add_argument("payment_id", metavar="ORDER", help="an order id, or money recorded against one")
    refund.add_argument("--reason", default="", help="why (kept in the payment's history)")
    refund.add_argument(
        "--wait", type=float, default=90.0, metavar="SECONDS",
        help="how long to wait for the bot to return Telegram Stars (default 90; 0: do not wait)",
    )  # fmt: skip
    refund.set_defaults(handler=_guard(_refund))


def _entry(payment: Payment, buyer: str) -> dict[str, Any]:
    return {
        "id": payment.id,
        "provider": payment.provider,
        "provider_ref": payment.provider_ref,
        "buyer": buyer,
        "product": payment.product_id,
        "amount": payment.amount,
        "currency": payment.currency,
        "credits": payment.credits,
        "status": payment.status.value,
        "refunded": payment.refunded_amount,
        "flag": payment.flag,
        "refund_request": payment.refund_request,
        "order": order_id_of(payment.id),
        "period_end": _iso(payment.period_end),
        "taken": payment.taken,
        "at": _iso(payment.created_at),
        "history": [
            {"status": c.status.value, "at": _iso(c.at), "note": c.note} for c in payment.history
        ],
    }


async def _flagged(args: argparse.Namespace) -> int:
    async with _open() as store:
        flagged = await PaymentService(_services(store)).flagged(args.limit)
        buyers: dict[str, str] = {}
        async with store.uow_factory() as uow:
            for payment in flagged:
                user = await uow.users.get(payment.user_id)
                buyers[payment.id] = (user.external_ref if user else None) or f"user {payment.user_id}"
    rows = [_entry(p, buyers[p.id]) for p in flagged]
    if args.json:
        _emit({"flagged": rows})
        return 0
    for row in rows:
        print(
            f"{row['id']}  {row['amount']} {row['currency']} ({row['provider']} {row['provider_ref']})"
            f"  {row['credits']} credits of {row['product']} for {row['buyer']}  {row['at']}\n"
            f"    {row['flag']}"
        )
    if not rows:
        print("no payments wait for a decision")
    return 0


async def _decide(args: argparse.Namespace) -> int:
    grant = args.decision == "grant"
    note = args.note.strip() or "no note given"
    async with _open() as store:
        try:
            outcome = await PaymentService(_services(store)).decide(args.payment_id, grant, note)
        except TarotError as error:
            if error.message_key in ("error.not_flagged", "error.unknown_order"):
                raise _Usage(error.detail) from None
            raise
    payment = outcome.payment
    assert payment is not None  # a decision always stores the payment
    if grant:
        taken = f"; {outcome.credits_taken} taken back for what was refunded" if outcome.credits_taken else ""
        print(f"granted {outcome.credits_granted} credits for {payment.id}{taken}")
        return 0
    money = f"{payment.amount} {payment.currency}"
    if payment.refund_request is not None:  # Stars money asked back when it arrived
        print(f"refused {payment.id}: it grants no credits; the bot returns its {money}")
        return 0
    print(f"refused {payment.id}: it grants no credits; refund its {money}")
    if payment.provider == STARS:
        print(f"  tarot admin refund {payment.id}   (or in the bot: /refund {payment.id})")
    else:
        print(f"  tarot admin refund {payment.id}   (at {payment.provider}: {payment.provider_ref})")
    return 0


async def _orders(args: argparse.Namespace) -> int:
    async with _open() as store:
        user = await _find_user(store, args.user)
        payments = await PaymentService(_services(store)).orders(user.id, args.limit)
    rows = [_entry(p, args.user) for p in payments]
    if args.json:
        _emit({"user": args.user, "orders": rows})
        return 0
    for row in rows:
        print(
            f"{row['at']}  {row['id']}  {row['product']}  {row['amount']} {row['currency']}"
            f"  {row['status']}  refunded {row['refunded']}  ({row['provider']} {row['provider_ref']})"
        )
        if row["flag"]:
            print(f"    flagged: {row['flag']}")
        if row["refund_request"]:
            print(f"    refund waiting: {row['refund_request']}")
    if not rows:
        print(f"{args.user}: no orders")
    return 0


async def _refund(args: argparse.Namespace) -> int:
    async with _open() as store:
        async with store.uow_factory() as uow:
            payment = await uow.payments.get(args.payment_id)
        if payment is None:
            raise _Usage(f"unknown order {args.payment_id}")
        async with _gateways(payment.provider) as gateways:
            service = PaymentService(_services(store), gateways)
            try:
                done = await service.refund_order(payment.id, args.reason)
            except TarotError as error:
                if error.message_key in ("error.order_not_payable", "error.unknown_order"):
                    raise _Usage(error.detail) from None
                if error.message_key == "error.payments_off":
                    raise _Usage(f"{payment.provider} is not configured here (STRIPE_SECRET_KEY)") from None
                raise
        if done.status is RefundStatus.REQUESTED and args.wait > 0:
            done = await _await_stars_refund(store, done, args.wait)
    return _told(done)


async def _await_stars_refund(store: StoreHandle, asked: OperatorRefund, wait: float) -> OperatorRefund:
    """Watch the payment until the bot has carried out its refund (or refused it), at most `wait` s."""
    deadline = time.monotonic() + wait
    payment = asked.payment
    while time.monotonic() < deadline:
        await asyncio.sleep(POLL)
        async with store.uow_factory() as uow:
            found = await uow.payments.get(payment.id)
        if found is None:
            break
        payment = found
        if payment.refund_request is None:
            status = RefundStatus.DONE if payment.refunded_amount >= payment.amount else RefundStatus.REFUSED
            return OperatorRefund(status, payment, detail=payment.flag or "")
    return OperatorRefund(RefundStatus.REQUESTED, payment)


def _told(done: OperatorRefund) -> int:
    payment = done.payment
    money = f"{payment.amount} {payment.currency}"
    if done.status is RefundStatus.DONE:
        taken = done.event.credits_taken if done.event else payment.taken
        shortfall = f" (shortfall {done.event.shortfall})" if done.event and done.event.shortfall else ""
        print(f"refunded {money} of {payment.id}; took back {taken} credits{shortfall}")
        return 0
    if done.status is RefundStatus.REFUSED:
        print(f"the refund of {payment.id} was refused: {done.detail or payment.flag}")
        print("  it is flagged: tarot admin payments --flagged")
        return 1
    print(f"refund of {money} for {payment.id} requested; the bot returns it within a minute")
    print("  follow it with: tarot admin orders <user> (the payment's refund waits until then)")
    return 0


@asynccontextmanager
async def _gateways(provider: str) -> AsyncIterator[list[PaymentGateway]]:
    """Stripe's gateway when the payment is Stripe's and a key is configured; none otherwise."""
    if provider != STRIPE:
        yield []
        return
    from runners.config import Settings

    settings = Settings.from_env()
    key = settings.web.stripe_secret_key
    if key is None:
        yield []
        return
    from adapters.stripe_http.client import API_BASE, StripeClient
    from adapters.stripe_http.gateway import StripePaymentGateway

    client = StripeClient(key, base_url=settings.web.stripe_api_base or API_BASE)
    try:
        yield [StripePaymentGateway(client)]
    finally:
        await client.aclose()
