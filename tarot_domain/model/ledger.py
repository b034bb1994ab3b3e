"""The credit ledger: double entry, idempotent, two-phase.

Accounts are strings: `user:<user id>` for people and a few system accounts that credits come from
(`issuance:*`) or go to (`revenue:readings`). A transfer moves a positive whole number of credits from
its `debit` account to its `credit` account, so the sum of all balances is always zero. (The one
exception to "positive": a balancing claw-back that found nothing to take is recorded with amount 0, so
its id stays spent.)

A transfer is either posted at once or placed *pending* (a hold). A hold counts against the debit
account's available balance until it is posted (captured), voided (released) or expired (released by
the sweeper). User accounts may never spend below zero; a claw-back after a refund is *balancing*: it
takes what is available and reports the shortfall instead of pushing the account negative.

`LedgerBook` is the reference implementation of these rules on plain dictionaries. The in-memory
adapter uses it as its store; the SQL adapters implement the same rules in SQL and are held to it by
one contract suite.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from attrs import evolve, field, frozen

from tarot_domain.model.errors import (
    ErrorKind,
    TarotError,
    conflict,
    insufficient_credits,
    not_found,
    validation,
)

USER_PREFIX = "user:"
ISSUANCE_STRIPE = "issuance:stripe"
ISSUANCE_STARS = "issuance:stars"
ISSUANCE_GRANTS = "issuance:grants"
REVENUE_READINGS = "revenue:readings"
SYSTEM_ACCOUNTS: tuple[str, ...] = (ISSUANCE_STRIPE, ISSUANCE_STARS, ISSUANCE_GRANTS, REVENUE_READINGS)

DEFAULT_HOLD_TTL = timedelta(minutes=10)
MAX_TRANSFER_ID_LENGTH = 200


def user_account(user_id: str) -> str:
    return f"{USER_PREFIX}{user_id}"


def is_user_account(account: str) -> bool:
    """User accounts are the ones that may never spend below zero."""
    return account.startswith(USER_PREFIX)


class TransferKind(enum.Enum):
    GRANT = "grant"  # operator or promotional credits
    PURCHASE = "purchase"  # a paid pack (Stripe or Stars)
    SUBSCRIPTION = "subscription"  # a tier's monthly credits
    READING = "reading"  # the price of a reading (a hold, then posted)
    FOLLOW_UP = "follow_up"  # the price of a follow-up question
    CLAWBACK = "clawback"  # refund or dispute: credits taken back (balancing)
    RESTORE = "restore"  # a dispute won: credits given back


class TransferState(enum.Enum):
    PENDING = "pending"
    POSTED = "posted"
    VOIDED = "voided"
    EXPIRED = "expired"


@frozen
class TransferRequest:
    """What a caller asks the ledger to do; `id` is the idempotency key."""

    id: str
    debit: str
    credit: str
    amount: int
    kind: TransferKind
    reference: str = ""
    pending: bool = False
    hold_ttl: timedelta = DEFAULT_HOLD_TTL
    balancing: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.id or len(self.id) > MAX_TRANSFER_ID_LENGTH:
            raise validation(f"transfer id must be 1..{MAX_TRANSFER_ID_LENGTH} characters")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount <= 0:
            raise validation(f"transfer amount must be a positive integer, got {self.amount!r}")
        if self.debit == self.credit:
            raise validation("a transfer needs two different accounts")
        if self.pending and self.balancing:
            raise validation("a balancing transfer cannot be a hold")
        if self.pending and self.hold_ttl <= timedelta(0):
            raise validation("a hold needs a positive time to live")


@frozen
class Transfer:
    """A recorded movement. `requested` differs from `amount` only for a balancing transfer that
    could not take everything it asked for; the difference is the shortfall."""

    id: str
    debit: str
    credit: str
    amount: int
    requested: int
    kind: TransferKind
    reference: str
    state: TransferState
    created_at: datetime
    expires_at: datetime | None = None
    resolved_at: datetime | None = None
    balancing: bool = False

    @property
    def shortfall(self) -> int:
        return self.requested - self.amount

    @property
    def pending(self) -> bool:
        return self.state is TransferState.PENDING

    def matches(self, request: TransferRequest) -> bool:
        """Whether re-submitting `request` is a replay of this transfer (same fields, same id)."""
        return (
            self.id == request.id
            and self.debit == request.debit
            and self.credit == request.credit
            and self.requested == request.amount
            and self.kind is request.kind
            and self.reference == request.reference
            and self.balancing == request.balancing
            and (self.expires_at is not None) == request.pending
        )


@frozen
class Balance:
    """An account's position. `posted` counts settled credits; `pending_out` are holds on it;
    `pending_in` are holds that would credit it."""

    account: str
    posted: int = 0
    pending_out: int = 0
    pending_in: int = 0

    @property
    def available(self) -> int:
        return self.posted - self.pending_out


@frozen
class ClawbackResult:
    transfer: Transfer
    requested: int

    @property
    def taken(self) -> int:
        return self.transfer.amount

    @property
    def shortfall(self) -> int:
        return self.requested - self.taken


def replay_or_conflict(existing: Transfer, request: TransferRequest) -> Transfer:
    """The rule for a re-submitted id: identical fields replay, anything else is an error."""
    if existing.matches(request):
        return existing
    raise conflict(
        f"transfer {request.id!r} already exists with different fields",
        "error.conflict",
        transfer=request.id,
    )


def check_can_spend(balance: Balance, amount: int) -> None:
    """User accounts never spend below zero; system accounts are unbounded."""
    if is_user_account(balance.account) and balance.available < amount:
        raise insufficient_credits(needed=amount, available=max(balance.available, 0))


def expires_at(request: TransferRequest, now: datetime) -> datetime | None:
    return now + request.hold_ttl if request.pending else None


def new_transfer(request: TransferRequest, amount: int, now: datetime) -> Transfer:
    return Transfer(
        id=request.id,
        debit=request.debit,
        credit=request.credit,
        amount=amount,
        requested=request.amount,
        kind=request.kind,
        reference=request.reference,
        state=TransferState.PENDING if request.pending else TransferState.POSTED,
        created_at=now,
        expires_at=expires_at(request, now),
        balancing=request.balancing,
    )


def resolve(transfer: Transfer, target: TransferState, now: datetime) -> Transfer:
    """The state machine of a hold: pending → posted | voided | expired; nothing leaves a final state.

    Posting or voiding again is an idempotent replay. Posting a hold whose expiry has passed is refused
    (the sweeper will release it) so a late capture cannot charge credits the user saw released.
    """
    if transfer.state is target:
        return transfer
    if transfer.state is not TransferState.PENDING:
        raise conflict(
            f"transfer {transfer.id!r} is {transfer.state.value}, cannot become {target.value}",
            "error.conflict",
            transfer=transfer.id,
        )
    if target is TransferState.POSTED and transfer.expires_at is not None and now >= transfer.expires_at:
        raise TarotError(
            ErrorKind.CONFLICT,
            f"hold {transfer.id!r} expired at {transfer.expires_at.isoformat()}",
            message_key="error.hold_expired",
        )
    return evolve(transfer, state=target, resolved_at=now)


@frozen
class _Delta:
    posted: int = 0
    pending_out: int = 0
    pending_in: int = 0


def _apply(balance: Balance, delta: _Delta) -> Balance:
    return Balance(
        account=balance.account,
        posted=balance.posted + delta.posted,
        pending_out=balance.pending_out + delta.pending_out,
        pending_in=balance.pending_in + delta.pending_in,
    )


@frozen
class LedgerBook:
    """The ledger's rules on plain dictionaries; values are immutable, so `copy()` is a cheap snapshot."""

    transfers: dict[str, Transfer] = field(factory=dict)
    balances: dict[str, Balance] = field(factory=dict)
    by_account: dict[str, tuple[str, ...]] = field(factory=dict)

    def copy(self) -> LedgerBook:
        return LedgerBook(dict(self.transfers), dict(self.balances), dict(self.by_account))

    def balance(self, account: str) -> Balance:
        return self.balances.get(account) or Balance(account)

    def get(self, transfer_id: str) -> Transfer | None:
        return self.transfers.get(transfer_id)

    def submit(self, request: TransferRequest, now: datetime) -> Transfer:
        existing = self.transfers.get(request.id)
        if existing is not None:
            return replay_or_conflict(existing, request)
        if request.balancing:
            raise validation("use clawback() for balancing transfers")
        check_can_spend(self.balance(request.debit), request.amount)
        transfer = new_transfer(request, request.amount, now)
        self._record(transfer)
        return transfer

    def clawback(self, request: TransferRequest, now: datetime) -> ClawbackResult:
        """Take up to `request.amount` from the debit account's available credits."""
        if not request.balancing:
            raise validation("a claw-back must be a balancing transfer")
        existing = self.transfers.get(request.id)
        if existing is not None:
            return ClawbackResult(replay_or_conflict(existing, request), request.amount)
        available = self.balance(request.debit).available
        amount = min(request.amount, available) if is_user_account(request.debit) else request.amount
        # Even a claw-back that finds nothing to take is recorded (amount 0, the only transfer that may
        # carry 0), so replaying its id later cannot take credits the user has received since.
        amount = max(amount, 0)
        transfer = new_transfer(request, amount, now)
        self._record(transfer)
        return ClawbackResult(transfer, request.amount)

    def post(self, transfer_id: str, now: datetime) -> Transfer:
        return self._resolve(transfer_id, TransferState.POSTED, now)

    def void(self, transfer_id: str, now: datetime) -> Transfer:
        return self._resolve(transfer_id, TransferState.VOIDED, now)

    def expire_due(self, now: datetime) -> list[Transfer]:
        due = [
            t
            for t in self.transfers.values()
            if t.pending and t.expires_at is not None and t.expires_at <= now
        ]
        return [self._resolve(t.id, TransferState.EXPIRED, now) for t in due]

    def history(self, account: str) -> list[Transfer]:
        """Transfers touching `account`, newest first."""
        ids = self.by_account.get(account, ())
        return [self.transfers[i] for i in reversed(ids)]

    def pending_transfers(self) -> list[Transfer]:
        return [t for t in self.transfers.values() if t.pending]

    def _resolve(self, transfer_id: str, target: TransferState, now: datetime) -> Transfer:
        current = self.transfers.get(transfer_id)
        if current is None:
            raise not_found(f"no transfer {transfer_id!r}")
        resolved = resolve(current, target, now)
        if resolved is not current:
            self._replace(current, resolved)
        return resolved

    def _record(self, transfer: Transfer) -> None:
        self.transfers[transfer.id] = transfer
        for account in (transfer.debit, transfer.credit):
            self.by_account[account] = (*self.by_account.get(account, ()), transfer.id)
        if transfer.pending:
            self._shift(transfer.debit, _Delta(pending_out=transfer.amount))
            self._shift(transfer.credit, _Delta(pending_in=transfer.amount))
        else:
            self._shift(transfer.debit, _Delta(posted=-transfer.amount))
            self._shift(transfer.credit, _Delta(posted=transfer.amount))

    def _replace(self, old: Transfer, new: Transfer) -> None:
        """Move a hold out of pending: posted settles it, voided/expired releases it."""
        self.transfers[new.id] = new
        self._shift(old.debit, _Delta(pending_out=-old.amount))
        self._shift(old.credit, _Delta(pending_in=-old.amount))
        if new.state is TransferState.POSTED:
            self._shift(old.debit, _Delta(posted=-old.amount))
            self._shift(old.credit, _Delta(posted=old.amount))

    def _shift(self, account: str, delta: _Delta) -> None:
        self.balances[account] = _apply(self.balance(account), delta)


def total_posted(balances: Iterable[Balance]) -> int:
    """Zero for any consistent ledger: every transfer debits and credits the same amount."""
    return sum(b.posted for b in balances)


def invariant_violations(
    balances: Mapping[str, Balance], pending: Iterable[Transfer], now: datetime | None
) -> list[str]:
    """Names of the ledger invariants that do not hold (empty when all is well)."""
    problems: list[str] = []
    values = list(balances.values())
    if total_posted(values) != 0:
        problems.append(f"zero-sum: posted balances sum to {total_posted(values)}")
    if sum(b.pending_out for b in values) != sum(b.pending_in for b in values):
        problems.append("zero-sum: pending holds out and in differ")
    for b in values:
        if is_user_account(b.account) and b.available < 0:
            problems.append(f"negative-available: {b.account} has {b.available}")
    if now is not None:
        for t in pending:
            if t.expires_at is not None and t.expires_at <= now:
                problems.append(f"expired-hold-pending: {t.id}")
    return problems
