"""The audit of the books: what `tarot admin check` proves, check by check.

The ledger:
1. `zero-sum`: all posted balances sum to zero, and pending holds out equal pending holds in;
2. `negative-available`: no user account has spent below zero;
3. `balance-drift`: every stored balance equals what its transfers add up to (posted, pending out,
   pending in), so a balance edited by hand, or a transfer without its balance move, shows;
4. `expired-hold-pending`: no hold is still pending past its expiry (the sweeper releases them);
5. `charged-without-reading`: every captured reading or follow-up charge has its stored reading.
The payments:
6. `payment-without-grant`: every payment that granted credits has exactly that grant transfer
   (`purchase:<payment id>`, from its provider's issuance account to its buyer);
7. `grant-without-payment`: every purchase or subscription transfer is the grant of such a payment;
8. `clawback-mismatch` / `restore-mismatch`: what a payment records as taken back and restored is what
   its claw-backs took and its restores gave;
9. `payment-credits`: the credits a payment leaves with its buyer (grant - taken + restored, per the
   ledger) are never fewer than it pays for (`credits_due`, recomputed from the stored refund and
   chargeback amounts), and exceed them by no more than its claw-backs' recorded shortfall;
10. `clawback-without-payment`: every claw-back and restore names a payment.

The SQL stores run these as set-based queries (adapters/sql_audit) and the memory store runs
`audit_books` below; both produce `Finding`s, formatted here, so every store words each line alike.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime

from attrs import frozen

from tarot_domain.model.ledger import Balance, Transfer, TransferKind, TransferState, is_user_account
from tarot_domain.model.payments import Payment, credits_due

GRANT_PREFIX = "purchase:"
GRANT_KINDS = frozenset({TransferKind.PURCHASE, TransferKind.SUBSCRIPTION})
PAYMENT_MOVES = frozenset({TransferKind.CLAWBACK, TransferKind.RESTORE})
DEFAULT_LIMIT = 1000


class Check(enum.IntEnum):
    """Each check, in report order (the number is what the SQL stores sort by)."""

    ZERO_SUM_POSTED = 1
    ZERO_SUM_PENDING = 2
    NEGATIVE_AVAILABLE = 3
    BALANCE_DRIFT = 4
    EXPIRED_HOLD = 5
    CHARGED_WITHOUT_READING = 6
    PAYMENT_WITHOUT_GRANT = 7
    GRANT_WITHOUT_PAYMENT = 8
    CLAWBACK_MISMATCH = 9
    RESTORE_MISMATCH = 10
    PAYMENT_CREDITS = 11
    MOVE_WITHOUT_PAYMENT = 12


_TEMPLATES: Mapping[Check, str] = {
    Check.ZERO_SUM_POSTED: "zero-sum: posted balances sum to {a}",
    Check.ZERO_SUM_PENDING: "zero-sum: pending holds out ({a}) and in ({b}) differ",
    Check.NEGATIVE_AVAILABLE: "negative-available: {subject} has {a}",
    Check.BALANCE_DRIFT: (
        "balance-drift: {subject} stores posted {a}, pending out {b}, pending in {c};"
        " its transfers add up to {d}, {e}, {f}"
    ),
    Check.EXPIRED_HOLD: "expired-hold-pending: {subject}",
    Check.CHARGED_WITHOUT_READING: "charged-without-reading: {subject}",
    Check.PAYMENT_WITHOUT_GRANT: (
        "payment-without-grant: {subject} granted {a} credits; its grant transfer has {b}"
    ),
    Check.GRANT_WITHOUT_PAYMENT: (
        "grant-without-payment: {subject} gave {a} credits to {other}; no payment accounts for them"
    ),
    Check.CLAWBACK_MISMATCH: (
        "clawback-mismatch: {subject} records {a} credits taken back; its claw-backs took {b}"
    ),
    Check.RESTORE_MISMATCH: "restore-mismatch: {subject} records {a} credits restored; its restores gave {b}",
    Check.PAYMENT_CREDITS: (
        "payment-credits: {subject} leaves {a} credits with {other} but pays for {b} (shortfall {c})"
    ),
    Check.MOVE_WITHOUT_PAYMENT: "clawback-without-payment: {subject} ({other}) names no payment",
}


@frozen
class Finding:
    """One violation: which check, the account, transfer or payment it is about, and its figures."""

    check: Check
    subject: str = ""
    other: str = ""
    a: int = 0
    b: int = 0
    c: int = 0
    d: int = 0
    e: int = 0
    f: int = 0

    def line(self) -> str:
        values = {"subject": self.subject, "other": self.other, "a": self.a, "b": self.b, "c": self.c}
        return _TEMPLATES[self.check].format(**values, d=self.d, e=self.e, f=self.f)

    def sort_key(self) -> tuple[int, str]:
        return (int(self.check), self.subject)


@frozen
class AuditReport:
    violations: tuple[str, ...]
    accounts: int
    pending: int
    truncated: bool = False

    @property
    def ok(self) -> bool:
        return not self.violations


def report(findings: Iterable[Finding], accounts: int, pending: int, limit: int) -> AuditReport:
    """Findings in report order, at most `limit` of them (`truncated` says more were found)."""
    ordered = sorted(findings, key=Finding.sort_key)
    lines = tuple(f.line() for f in ordered[:limit])
    return AuditReport(lines, accounts, pending, truncated=len(ordered) > limit)


def issuance_account(provider: str) -> str:
    return f"issuance:{provider}"


def audit_books(
    balances: Mapping[str, Balance],
    transfers: Iterable[Transfer],
    payments: Iterable[Payment],
    hold_ids: set[str],
    now: datetime,
) -> list[Finding]:
    """The reference implementation of every check, on plain collections (the memory store's)."""
    found: list[Finding] = []
    all_transfers = list(transfers)
    values = list(balances.values())
    posted_sum = sum(b.posted for b in values)
    if posted_sum != 0:
        found.append(Finding(Check.ZERO_SUM_POSTED, a=posted_sum))
    out, inn = sum(b.pending_out for b in values), sum(b.pending_in for b in values)
    if out != inn:
        found.append(Finding(Check.ZERO_SUM_PENDING, a=out, b=inn))
    found += [
        Finding(Check.NEGATIVE_AVAILABLE, b.account, a=b.available)
        for b in values
        if is_user_account(b.account) and b.available < 0
    ]
    found += _drift(balances, all_transfers)
    for t in all_transfers:
        if t.pending and t.expires_at is not None and t.expires_at <= now:
            found.append(Finding(Check.EXPIRED_HOLD, t.id))
        if (
            t.kind in (TransferKind.READING, TransferKind.FOLLOW_UP)
            and t.state is TransferState.POSTED
            and t.id not in hold_ids
        ):
            found.append(Finding(Check.CHARGED_WITHOUT_READING, t.id))
    found += _payment_findings({p.id: p for p in payments}, all_transfers)
    return found


def _drift(balances: Mapping[str, Balance], transfers: list[Transfer]) -> list[Finding]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for t in transfers:
        if t.state is TransferState.POSTED:
            sums[t.debit][0] -= t.amount
            sums[t.credit][0] += t.amount
        elif t.pending:
            sums[t.debit][1] += t.amount
            sums[t.credit][2] += t.amount
    found = []
    for account in set(balances) | set(sums):
        b = balances.get(account) or Balance(account)
        stored, summed = (b.posted, b.pending_out, b.pending_in), tuple(sums.get(account, (0, 0, 0)))
        if stored != summed:
            found.append(Finding(Check.BALANCE_DRIFT, account, "", *stored, *summed))
    return found


def _payment_findings(payments: Mapping[str, Payment], transfers: list[Transfer]) -> list[Finding]:
    grants: dict[str, Transfer] = {}
    taken: dict[str, int] = defaultdict(int)
    restored: dict[str, int] = defaultdict(int)
    shortfall: dict[str, int] = defaultdict(int)
    found = []
    for t in transfers:
        payment = payments.get(t.reference)
        if t.kind in GRANT_KINDS:
            if payment is not None and payment.granted > 0 and _is_grant_of(t, payment):
                grants[payment.id] = t
            else:
                found.append(Finding(Check.GRANT_WITHOUT_PAYMENT, t.id, t.credit, a=t.amount))
        elif t.kind in PAYMENT_MOVES:
            if payment is None:
                found.append(Finding(Check.MOVE_WITHOUT_PAYMENT, t.id, t.kind.value))
            elif t.kind is TransferKind.CLAWBACK:
                taken[payment.id] += t.amount
                shortfall[payment.id] += t.requested - t.amount
            else:
                restored[payment.id] += t.amount
    for p in payments.values():
        granted = grants[p.id].amount if p.id in grants else 0
        if p.granted != granted:
            found.append(Finding(Check.PAYMENT_WITHOUT_GRANT, p.id, a=p.granted, b=granted))
        if p.taken != taken[p.id]:
            found.append(Finding(Check.CLAWBACK_MISMATCH, p.id, a=p.taken, b=taken[p.id]))
        if p.restored != restored[p.id]:
            found.append(Finding(Check.RESTORE_MISMATCH, p.id, a=p.restored, b=restored[p.id]))
        held, due = granted - taken[p.id] + restored[p.id], credits_due(p)
        if held < due or held - due > shortfall[p.id]:
            user = f"user:{p.user_id}"
            found.append(Finding(Check.PAYMENT_CREDITS, p.id, user, a=held, b=due, c=shortfall[p.id]))
    return found


def _is_grant_of(t: Transfer, payment: Payment) -> bool:
    return (
        t.id == f"{GRANT_PREFIX}{payment.id}"
        and t.debit == issuance_account(payment.provider)
        and t.credit == f"user:{payment.user_id}"
        and t.state is TransferState.POSTED
    )
