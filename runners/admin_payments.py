"""Operator commands for money that waits for a decision (issue 14):
`tarot admin payments --flagged` and `tarot admin payment grant|refuse ID [--note TEXT]`.

A payment is flagged when money arrived that we could not simply accept: a second charge for an order
that was paid already, an amount or currency other than the order's, a renewal that does not carry its
tier's price. It grants nothing until an operator grants it (its credits, and a tier's period) or
refuses it (no credits ever; the money should then be refunded at the provider).
"""

from __future__ import annotations

import argparse
from typing import Any

from runners.admin_cli import _emit, _guard, _iso, _open, _positive_int, _services, _Usage
from tarot_domain.model.errors import TarotError
from tarot_domain.model.payments import Payment
from tarot_domain.model.products import STARS
from tarot_domain.use_cases.payments import PaymentService


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
        "at": _iso(payment.created_at),
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
    print(f"refused {payment.id}: it grants no credits; refund its {payment.amount} {payment.currency}")
    if payment.provider == STARS:
        print(f"  in the bot: /refund {payment.id}")
    else:
        print(f"  at {payment.provider}: refund {payment.provider_ref}")
    return 0
