"""A payment as an aggregate: its state, the credits that state leaves with the buyer, and the
transitions that providers and operators cause.

**What decides the credits.** Three facts of the state and nothing else: `granted` (the credits issued
for the money: 0 until it arrives, and 0 while a flagged payment waits for an operator),
`refunded_amount`, and each dispute with its status. `credits_due(payment)` is a pure function of them:
what the money the payment still holds pays for. Refunds and chargebacks withdraw money; their sum never
counts past the whole amount, so a refund counts what a dispute already took and the other way round.
An inquiry (`warning_*`) withdraws nothing (Stripe takes no funds for one) but freezes the buyer's
purchases; `warning_closed` ends it without a chargeback. A chargeback (`needs_response`,
`under_review`, `lost`, or any status we do not know) withdraws its amount once per payment, however
Stripe reports the escalation (the inquiry's own dispute moving on, funds withdrawn, or a second dispute
id): the largest chargeback counts, never their sum. `won` gives the money back.

**What the ledger has done.** `taken` and `restored` are the credits the payment's claw-backs actually
took and its restores gave, so `held = granted - taken + restored` is what the payment has put with the
buyer. After every transition `held >= credits_due`; the difference is a shortfall: credits the buyer
had already spent when a claw-back came (balancing, never a negative balance). A transition's
`Movement` is computed from the state alone: claw back what the due credits fell by; when they rise,
first cancel an outstanding shortfall, then restore, so a restore never gives back more than the payment
still pays for, nor credits that were never taken.

**Money going back, and subscriptions.** `refund_request` says why money should be returned to its buyer
(Telegram Stars we cannot accept are returned automatically; an operator may ask for any Stars refund):
it is set until the refund is reported (`refund`) or the provider refuses it (`refund_refused`), which
flags the payment so that an operator sees it (`REFUND_FAILED` when no credits were granted).
`period_end` is the end of the subscription period the money pays for when the provider dates it
(Telegram's `subscription_until_date`); a Stars tier order with one is a subscription, one without is a
one-off pass. `stop_renewal` records that a subscription will not renew (its period runs out).

**Concurrency.** `version` counts stored changes; a store saves a new state only over the version it
was computed from (optimistic concurrency), so a change computed from a stale read fails and is retried.
"""

from __future__ import annotations

import enum
from datetime import datetime

from attrs import evolve, frozen

from tarot_domain.model.errors import ErrorKind, TarotError


class PaymentStatus(enum.Enum):
    """The headline of a payment's state (the credits follow `credits_due`, not the status)."""

    CREATED = "created"  # checkout/invoice issued, nothing paid yet
    PAID = "paid"  # money received, credits granted
    FLAGGED = "flagged"  # money received, credits held until an operator decides
    REFUSED = "refused"  # an operator refused a flagged payment: no credits (refund the money)
    REFUNDED = "refunded"  # fully or partly refunded, credits clawed back
    DISPUTED = "disputed"  # an inquiry or chargeback is open, purchases frozen
    DISPUTE_WON = "dispute_won"  # closed in our favour (or an inquiry closed)
    DISPUTE_LOST = "dispute_lost"
    FAILED = "failed"
    CANCELLED = "cancelled"
    REFUND_FAILED = "refund_failed"  # money we meant to return; the provider refused: an operator decides
    RENEWAL_STOPPED = "renewal_stopped"  # history only: the subscription will not renew


ORDER_SEPARATOR = "/"


def order_id_of(payment_id: str) -> str:
    """The order a payment belongs to (`<order>` or `<order>/<renewal, second charge…>`)."""
    return payment_id.split(ORDER_SEPARATOR, 1)[0]


UNPAID = frozenset({PaymentStatus.CREATED, PaymentStatus.FAILED, PaymentStatus.CANCELLED})
FREEZE_LIFTED = "purchases unfrozen by an operator"  # the history note that records the decision

# Stripe's dispute statuses. Inquiries first, then chargebacks; the number is how far the case went.
_STAGES = {"warning_needs_response": 0, "warning_under_review": 1, "needs_response": 2, "under_review": 3}
_UNKNOWN_STAGE = 2  # a status we do not know is treated as an open chargeback: safe for the books
CLOSED_WITHOUT_CHARGEBACK = frozenset({"warning_closed", "won", "charge_refunded", "prevented"})
CLOSED = CLOSED_WITHOUT_CHARGEBACK | {"lost"}
INQUIRY_OPEN = frozenset({"warning_needs_response", "warning_under_review"})
ESCALATED = "needs_response"  # what funds withdrawn from an inquiry means


@frozen
class Dispute:
    """One dispute id on a payment: its latest status (Stripe's words) and the amount disputed."""

    id: str
    status: str
    amount: int

    @property
    def closed(self) -> bool:
        return self.status in CLOSED

    @property
    def withdraws(self) -> bool:
        """Whether the bank holds the disputed money (an open or lost chargeback)."""
        return self.status not in INQUIRY_OPEN and self.status not in CLOSED_WITHOUT_CHARGEBACK

    @property
    def freezes(self) -> bool:
        """Open disputes and lost ones keep the buyer's purchases frozen."""
        return self.status not in CLOSED_WITHOUT_CHARGEBACK

    def merged(self, status: str, amount: int) -> Dispute:
        """The dispute after a report of `status`, whatever order reports arrive in: a closed dispute
        stays as it closed; otherwise a closing or a later stage wins over an earlier one."""
        if self.closed:
            return self
        if status in CLOSED or _stage(status) >= _stage(self.status):
            return Dispute(self.id, status, max(amount, 0))
        return self


def _stage(status: str) -> int:
    return _STAGES.get(status, _UNKNOWN_STAGE)


@frozen
class StatusChange:
    status: PaymentStatus
    at: datetime
    note: str = ""


@frozen
class Movement:
    """Credits the ledger must move so that it follows a payment's new state."""

    grant: int = 0  # the payment's one grant (issuance → buyer)
    clawback: int = 0  # balancing: buyer → issuance, whatever the buyer still has
    restore: int = 0  # issuance → buyer

    @property
    def empty(self) -> bool:
        return not (self.grant or self.clawback or self.restore)


@frozen
class Change:
    """A transition's outcome: the new state (same `version` as the state it came from; the store bumps
    it), its history entry, and the movement. `booked(taken)` is the state once the claw-back took
    `taken` (a balancing claw-back may take less than it asks)."""

    payment: Payment
    entry: StatusChange
    movement: Movement = Movement()

    def booked(self, taken: int) -> Payment:
        return evolve(self.payment, taken=self.payment.taken + taken)


def payment_error(detail: str, message_key: str = "error.payment", *, retryable: bool = False) -> TarotError:
    return TarotError(ErrorKind.PAYMENT, detail, message_key=message_key, retryable=retryable)


@frozen
class Payment:
    """`id` is our order id (the Stars invoice payload, Stripe's client reference), or `<order>/<suffix>`
    for further money recorded against an order (a renewal, a second charge); `provider_ref` is the
    provider's id for the money (a PaymentIntent, a Telegram charge id), unique per provider.
    `flag` says why a payment's credits wait for an operator (None: nothing waits)."""

    id: str
    provider: str
    user_id: str
    product_id: str
    amount: int
    currency: str
    credits: int
    status: PaymentStatus
    created_at: datetime
    provider_ref: str | None = None
    refunded_amount: int = 0
    history: tuple[StatusChange, ...] = ()
    version: int = 0
    granted: int = 0
    taken: int = 0
    restored: int = 0
    disputes: tuple[Dispute, ...] = ()
    flag: str | None = None
    period_end: datetime | None = None
    refund_request: str | None = None

    # ------------------------------------------------------------------ what the state says

    @property
    def received(self) -> bool:
        """Whether money arrived for this payment (granted, flagged, refused, refunded or disputed)."""
        return self.status not in UNPAID

    @property
    def held(self) -> int:
        """Credits the payment has put with the buyer so far, per its ledger transfers."""
        return self.granted - self.taken + self.restored

    @property
    def withdrawn(self) -> int:
        """Money a chargeback holds: the largest open or lost chargeback (once per payment)."""
        return max((d.amount for d in self.disputes if d.withdraws), default=0)

    @property
    def due(self) -> int:
        return credits_due(self)

    @property
    def freezes(self) -> bool:
        """Whether this payment keeps its buyer's purchases frozen: while a dispute is open, and after
        a lost one until an operator lifts the freeze (`lift_freeze`); a later dispute freezes again."""
        if self.dispute_open:
            return True
        return any(d.freezes for d in self.disputes) and not self._freeze_lifted

    @property
    def dispute_open(self) -> bool:
        return any(d.freezes and not d.closed for d in self.disputes)

    @property
    def _freeze_lifted(self) -> bool:
        for change in reversed(self.history):
            if change.note.startswith(FREEZE_LIFTED):
                return True
            if change.status is PaymentStatus.DISPUTE_LOST:  # a dispute lost after the decision
                return False
        return False

    def dispute(self, dispute_id: str) -> Dispute | None:
        return next((d for d in self.disputes if d.id == dispute_id), None)

    # ------------------------------------------------------------------ transitions

    def pay(
        self,
        provider_ref: str | None,
        at: datetime,
        source: str,
        flag: str | None = None,
        *,
        period_end: datetime | None = None,
        give_back: bool = False,
    ) -> Change:
        """Money arrived: grant the credits, or hold them for an operator when `flag` says why (and, with
        `give_back`, ask for the money to be returned for that reason). `period_end` dates the
        subscription period the money pays for."""
        if self.received:
            raise payment_error(f"payment {self.id} was paid already", "error.order_paid")
        ref = provider_ref or self.provider_ref
        period_end = period_end or self.period_end
        if flag is not None:
            after = evolve(
                self, status=PaymentStatus.FLAGGED, provider_ref=ref, flag=flag[:500], period_end=period_end,
                refund_request=flag[:500] if give_back else None,
            )  # fmt: skip
            return self._change(after, PaymentStatus.FLAGGED, at, f"{source}; flagged: {flag}")
        after = evolve(
            self, status=PaymentStatus.PAID, provider_ref=ref, granted=self.credits, period_end=period_end
        )
        return self._change(after, PaymentStatus.PAID, at, source)

    def refund(self, refunded_total: int, at: datetime, source: str) -> Change | None:
        """Refunds are reported by total refunded so far, so partial refunds in any order end the same;
        an older, smaller total changes nothing."""
        total = min(max(refunded_total, self.refunded_amount), self.amount)
        if not self.received or total == self.refunded_amount:
            return None
        after = evolve(self, status=PaymentStatus.REFUNDED, refunded_amount=total)
        if total >= self.amount:  # all of it went back: no refund waits, and nothing is left to decide
            after = evolve(after, refund_request=None, flag=None)
        return self._change(after, PaymentStatus.REFUNDED, at, f"{source}: refunded {total}/{self.amount}")

    def ask_refund(self, at: datetime, reason: str) -> Change | None:
        """Ask for all of the money to go back to the buyer (carried out by whoever can reach the
        provider; the credits follow when the refund is reported). None when it is asked already.
        PAYMENT (`error.order_not_payable`) for money we do not hold."""
        if not self.received or self.provider_ref is None or self.refunded_amount >= self.amount:
            raise payment_error(f"payment {self.id} has no money left to refund", "error.order_not_payable")
        if self.refund_request is not None:
            return None
        note = f"refund requested: {reason}"[:500]
        return Change(
            evolve(self, refund_request=reason[:500] or "requested"), StatusChange(self.status, at, note)
        )

    def refund_refused(self, at: datetime, detail: str) -> Change | None:
        """The provider would not return the money (Telegram allows Stars refunds only for a while): the
        request ends and the payment is flagged for an operator. None when no refund was asked."""
        if self.refund_request is None:
            return None
        status = PaymentStatus.REFUND_FAILED if self.status is PaymentStatus.FLAGGED else self.status
        flag = f"refund failed ({self.refund_request}): {detail}"[:500]
        after = evolve(self, status=status, flag=flag, refund_request=None)
        return self._change(after, PaymentStatus.REFUND_FAILED, at, flag)

    def report_dispute(
        self, dispute_id: str, status: str, amount: int, at: datetime, source: str
    ) -> Change | None:
        """Any news about a dispute (opened, escalated, funds withdrawn or reinstated, closed)."""
        if not self.received:
            return None
        current = self.dispute(dispute_id)
        updated = (current or Dispute(dispute_id, "", 0)).merged(status, amount)
        if updated == current:
            return None
        disputes = (*(d for d in self.disputes if d.id != dispute_id), updated)
        headline = (
            PaymentStatus.DISPUTED
            if not updated.closed
            else PaymentStatus.DISPUTE_LOST
            if updated.status == "lost"
            else PaymentStatus.DISPUTE_WON
        )
        note = f"{source}: dispute {dispute_id} {updated.status} for {updated.amount}"
        return self._change(evolve(self, status=headline, disputes=disputes), headline, at, note)

    def decide(self, grant: bool, at: datetime, note: str) -> Change:
        """An operator's decision on a flagged payment: grant its credits (the money stays: a refund
        asked for is called off), or refuse them for good."""
        if self.flag is None:
            raise payment_error(f"payment {self.id} is not waiting for a decision", "error.not_flagged")
        waiting = self.status in (PaymentStatus.FLAGGED, PaymentStatus.REFUND_FAILED)
        if grant:
            status = PaymentStatus.PAID if waiting else self.status
            after = evolve(self, status=status, granted=self.credits, flag=None, refund_request=None)
            return self._change(after, PaymentStatus.PAID, at, f"granted by an operator: {note}")
        if self.granted > 0:  # a refund of granted money failed: only a new refund takes the credits
            raise payment_error(
                f"payment {self.id} granted its credits already; grant to close its flag, or refund it",
                "error.not_flagged",
            )
        status = PaymentStatus.REFUSED if waiting else self.status
        after = evolve(self, status=status, flag=None)  # a refund asked for still goes ahead
        return self._change(after, PaymentStatus.REFUSED, at, f"refused by an operator: {note}")

    def lift_freeze(self, at: datetime, note: str) -> Change | None:
        """An operator lets the buyer buy again after a lost dispute (the money stays withdrawn and the
        credits clawed back: only the freeze goes). None when this payment freezes nothing; refused
        while a dispute is still open, since its outcome is not known yet."""
        if self.dispute_open:
            raise payment_error(f"payment {self.id} has an open dispute", "error.dispute_open")
        if not self.freezes:
            return None
        return Change(self, StatusChange(self.status, at, f"{FREEZE_LIFTED}: {note}"[:500]))

    def fail(self, at: datetime, reason: str, expired: bool) -> Change | None:
        """The customer did not pay: an open order closes (expired → CANCELLED, else FAILED)."""
        if self.status is not PaymentStatus.CREATED:
            return None
        status = PaymentStatus.CANCELLED if expired else PaymentStatus.FAILED
        return self._change(evolve(self, status=status), status, at, reason[:500])

    def end_subscription(self, at: datetime, note: str) -> Change | None:
        """Recorded as a CANCELLED history entry; the money's status stays."""
        if self.subscription_ended:
            return None
        return Change(self, StatusChange(PaymentStatus.CANCELLED, at, note))

    @property
    def subscription_ended(self) -> bool:
        return any(c.status is PaymentStatus.CANCELLED for c in self.history)

    def stop_renewal(self, at: datetime, note: str) -> Change | None:
        """The subscription will not renew; the period paid for runs out (a RENEWAL_STOPPED entry)."""
        if self.renewal_stopped:
            return None
        return Change(self, StatusChange(PaymentStatus.RENEWAL_STOPPED, at, note[:500]))

    @property
    def renewal_stopped(self) -> bool:
        return self.subscription_ended or any(c.status is PaymentStatus.RENEWAL_STOPPED for c in self.history)

    def _change(self, after: Payment, status: PaymentStatus, at: datetime, note: str) -> Change:
        movement = rebalance(self, after)
        after = evolve(after, restored=after.restored + movement.restore)
        return Change(after, StatusChange(status, at, note[:500]), movement)


def credits_due(payment: Payment) -> int:
    """The credits a payment leaves with its buyer: its grant less the share of the money refunded or
    held by a chargeback (rounded in the buyer's favour; all of the money gone takes all the credits)."""
    granted = payment.granted
    if granted <= 0:
        return 0
    gone = min(payment.amount, max(payment.refunded_amount, 0) + payment.withdrawn)
    if payment.amount <= 0:
        return granted
    return granted - granted * gone // payment.amount


def rebalance(before: Payment, after: Payment) -> Movement:
    """What the ledger must do to follow `before` → `after` (see the module docstring)."""
    grant = max(after.granted - before.granted, 0)
    held = before.held + grant
    owed = max(before.held - before.due, 0)  # an earlier claw-back's shortfall, still outstanding
    due = after.due
    if held - owed > due:
        return Movement(grant=grant, clawback=held - owed - due)
    if held < due:
        return Movement(grant=grant, restore=due - held)
    return Movement(grant=grant)
