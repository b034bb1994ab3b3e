"""Telegram Stars money that needs more than the successful-payment message: reconciliation against
Telegram's own list of transactions, and money returned to its buyer.

**Reconciliation** (`reconcile`, the `reconcile-stars` job): Telegram lists the bot's Stars transactions
(`StarsAccount.charges`), each naming its order through the invoice's bot payload. A charge we have
not recorded is applied exactly as the successful-payment message would have been
(`PaymentSucceeded`, event id `tg:<charge id>`), so the message arriving late, a second run, or another
process running the same job at once all find the processed event (or the charge id, unique per
provider) and change nothing. A refund transaction of a charge we still count as paid is applied as
Telegram's refund message would have been (`refund:<charge id>`). Charges are applied oldest first, so
a subscription's first payment settles its order before its renewals are recorded against it; a
renewal is told from a first payment by its order having been paid already.

**Money going back** (`return_money`, `carry_out`): Stars money we could not accept (a second charge
for a paid order, a wrong amount or currency; payment_events.py asks for its refund as it records it)
and refunds an operator asked for wait as `refund_request`s. Carrying one out calls Telegram
(`payments.refundStarsCharge`), then applies the refund like any other (`refund:<charge id>`), which
takes back what credits it granted, once. Telegram refusing (it allows Stars refunds only for a
limited time; a buyer who left has no account to return to) is applied as `RefundRefused`: the payment
is flagged for an operator (`tarot admin payments --flagged`). A failure that may pass (Telegram
unreachable) leaves the request for the next run. Telegram answers a refund of a charge returned
already as done, so two processes carrying out one request return the money once and book it once.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from attrs import frozen

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import Payment, order_id_of
from tarot_domain.model.products import STARS
from tarot_domain.model.users import User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.payment_events import EventOutcome
from tarot_ports.notices import ChargeBooked, ChargeReturned, Notice, Notifier, ReturnReason
from tarot_ports.payments import (
    PaymentRefunded,
    PaymentSucceeded,
    ProviderEvent,
    ProviderPayment,
    RefundRefused,
)
from tarot_ports.stars import StarsAccount, StarsCharge

log = logging.getLogger("tarot_domain.stars")

Apply = Callable[[ProviderEvent], Awaitable[EventOutcome]]
StarsRefunder = Callable[[User, str], Awaitable[bool]]
"""Returns one Stars charge to its buyer through Telegram: (buyer, charge id) → False when the buyer has
no Telegram account to refund to; raises TarotError(PAYMENT) when Telegram refuses (not retryable) or
cannot be asked (retryable)."""
REFUND_BATCH = 100


@frozen
class Returned:
    """What carrying out one refund request did. `status`: `returned` (Telegram gave the Stars back and
    the refund is booked), `refused` (Telegram would not: the payment is flagged), `waiting` (Telegram
    could not be asked; tried again later)."""

    status: str
    payment: Payment
    reason: ReturnReason
    buyer: User | None = None
    outcome: EventOutcome | None = None
    detail: str = ""


class StarsDesk:
    def __init__(self, services: Services, apply: Apply) -> None:
        self._s = services
        self._apply = apply

    # ------------------------------------------------------------------ reconciliation

    async def reconcile(
        self, account: StarsAccount, since: datetime, notifier: Notifier | None = None
    ) -> dict[str, int]:
        """Book every charge and refund Telegram lists since `since` that we missed, then return the
        money that waits to go back. Counts: `listed`, `booked`, `flagged`, `refunds` (missed refunds
        booked), `unknown` (money for no order of ours), `failed` (left for the next run)."""
        charges = sorted(await account.charges(since), key=lambda c: (c.at, c.refunded, c.charge_id))
        counts: Counter[str] = Counter(listed=len(charges))
        recorded = await self._recorded({c.charge_id for c in charges})
        for charge in charges:
            if not charge.refunded and charge.charge_id in recorded:
                continue
            try:
                await self._reconcile_one(charge, recorded, counts, notifier)
            except TarotError as error:
                if not error.retryable:
                    raise
                counts["failed"] += 1
                log.warning("Stars charge %s not reconciled, retried next run: %s", charge.charge_id, error)
        returned = await self.return_money(account.refund, notifier)
        return {"listed": 0, "booked": 0, "flagged": 0, **counts, **returned}

    async def _recorded(self, charge_ids: set[str]) -> dict[str, Payment]:
        found: dict[str, Payment] = {}
        async with self._s.uow() as uow:
            for charge_id in charge_ids:
                payment = await uow.payments.get_by_provider_ref(STARS, charge_id)
                if payment is not None:
                    found[charge_id] = payment
        return found

    async def _reconcile_one(
        self, charge: StarsCharge, recorded: dict[str, Payment], counts: Counter[str],
        notifier: Notifier | None,
    ) -> None:  # fmt: skip
        if charge.refunded:
            known = recorded.get(charge.charge_id)
            if known is None or known.refunded_amount >= known.amount:
                return
            event = PaymentRefunded(STARS, f"refund:{charge.charge_id}", charge.charge_id, known.amount)
            if (await self._apply(event)).applied:
                counts["refunds"] += 1
                log.info("reconcile-stars: booked the missed refund of charge %s", charge.charge_id)
            return
        facts = await self._facts(charge)
        outcome = await self._apply(PaymentSucceeded(STARS, f"tg:{charge.charge_id}", facts))
        if outcome.payment is None and not outcome.duplicate:
            counts["unknown"] += 1
            log.error(
                "reconcile-stars: charge %s (%s ⭐ from %s) names no order of ours: %r",
                charge.charge_id, charge.amount, charge.buyer, charge.order_id,
            )  # fmt: skip
            return
        if outcome.flagged:
            counts["flagged"] += 1
        elif outcome.applied and outcome.payment is not None:
            counts["booked"] += 1
            log.info(
                "reconcile-stars: booked missed charge %s for %s: %d credits",
                charge.charge_id, outcome.payment.id, outcome.credits_granted,
            )  # fmt: skip
            await self._tell(notifier, outcome.payment.user_id, await self._booked(outcome.payment))

    async def _facts(self, charge: StarsCharge) -> ProviderPayment:
        """The successful payment as Telegram's message would have told it: a subscription's payment is
        its first while the order is unpaid, and a renewal after (a payment of its own, dated)."""
        base = ProviderPayment(STARS, charge.order_id, charge.charge_id, charge.amount, "XTR")
        if not charge.subscription_period:
            return base
        async with self._s.uow() as uow:
            order = await uow.payments.get(charge.order_id)
        first = order is None or not order.received
        end = charge.at + timedelta(seconds=charge.subscription_period)
        return ProviderPayment(
            STARS, charge.order_id, charge.charge_id, charge.amount, "XTR",
            invoice_id=charge.charge_id, first_period=first, period_end=end,
        )  # fmt: skip

    async def _booked(self, payment: Payment) -> ChargeBooked:
        async with self._s.uow() as uow:
            user = await uow.users.get(payment.user_id)
        tiers = {t.id for t in self._s.catalog.tiers}
        if payment.product_id in tiers and user is not None and user.tier_id == payment.product_id:
            return ChargeBooked(order_id_of(payment.id), payment.granted, user.tier_id, user.tier_until)
        return ChargeBooked(order_id_of(payment.id), payment.granted)

    # ------------------------------------------------------------------ money going back

    async def return_money(
        self, refund: StarsRefunder, notifier: Notifier | None = None, limit: int = REFUND_BATCH
    ) -> Counter[str]:
        """Carry out every Stars refund request, oldest first; tell each buyer whose money went back.
        Counts `returned`, `refused` and `waiting`."""
        async with self._s.uow() as uow:
            asked = [p for p in await uow.payments.list_refund_requests(limit) if p.provider == STARS]
        counts: Counter[str] = Counter()
        for payment in asked:
            done = await self.carry_out(payment.id, refund)
            if done is None:
                continue
            counts[done.status] += 1
            if done.status == "returned" and done.buyer is not None:
                taken = done.outcome.credits_taken if done.outcome else 0
                notice = ChargeReturned(order_id_of(payment.id), payment.amount, done.reason, taken)
                await self._tell(notifier, done.buyer.id, notice)
        return counts

    async def carry_out(self, payment_id: str, refund: StarsRefunder) -> Returned | None:
        """Carry out one refund request (None when none waits on `payment_id`)."""
        async with self._s.uow() as uow:
            payment = await uow.payments.get(payment_id)
            if payment is None or payment.refund_request is None or payment.provider_ref is None:
                return None
            buyer = await uow.users.get(payment.user_id)
            order = await uow.payments.get(order_id_of(payment_id))
        reason = _reason(payment, order)
        charge = payment.provider_ref
        try:
            reached = buyer is not None and buyer.active and await refund(buyer, charge)
        except TarotError as error:
            if error.kind is not ErrorKind.PAYMENT:
                raise
            if error.retryable:
                log.warning("Stars refund of %s (%s) waits: %s", payment_id, charge, error.detail)
                return Returned("waiting", payment, reason, buyer, detail=error.detail)
            return await self._refused(payment, reason, buyer, error.detail)
        if not reached:
            return await self._refused(payment, reason, buyer, "the buyer has no Telegram account on record")
        outcome = await self._apply(PaymentRefunded(STARS, f"refund:{charge}", charge, payment.amount))
        log.info("Stars charge %s of %s returned to its buyer (%s)", charge, payment_id, reason)
        return Returned("returned", payment, reason, buyer, outcome)

    async def _refused(
        self, payment: Payment, reason: ReturnReason, buyer: User | None, detail: str
    ) -> Returned:
        charge = payment.provider_ref or ""
        event = RefundRefused(STARS, f"refund-refused:{charge}:v{payment.version}", charge, detail[:300])
        outcome = await self._apply(event)
        log.error("Stars refund of %s (%s) refused, flagged for an operator: %s", payment.id, charge, detail)
        return Returned("refused", outcome.payment or payment, reason, buyer, outcome, detail)

    async def _tell(self, notifier: Notifier | None, user_id: str, notice: Notice) -> None:
        if notifier is None:
            return
        async with self._s.uow() as uow:
            user = await uow.users.get(user_id)
        if user is None or not user.active:
            return
        try:
            await notifier.notify(user, notice)
        except Exception as error:  # the money is booked; a lost message must not undo the run
            log.warning("could not tell %s about %s: %r", user_id, type(notice).__name__, error)


def _reason(payment: Payment, order: Payment | None) -> ReturnReason:
    """Why this money goes back: money we accepted (an operator asked), money in another amount or
    currency than its order's, or a second charge for a paid order (both flagged as they arrived)."""
    if payment.flag is None or order is None or order.id == payment.id:
        return "requested"
    if (payment.amount, payment.currency) != (order.amount, order.currency):
        return "wrong_amount"
    return "already_paid"
