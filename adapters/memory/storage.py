"""The storage ports in process.

One `MemoryStore` holds all state. A unit of work takes the store's lock for its whole life (so units
of work are serialisable, as the short SQL transactions are), works on a snapshot, and swaps it in on
commit: leaving without commit drops the snapshot, exactly like a rollback. Stored values are frozen,
so a snapshot only copies dictionaries, never the records in them.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from types import TracebackType
from typing import Self

from attrs import define, evolve, field

from tarot_domain.model.audit import DEFAULT_LIMIT, AuditReport, audit_books, report
from tarot_domain.model.errors import ErrorKind, TarotError, conflict, not_found
from tarot_domain.model.figures import Figures, credits_moved, payment_rows
from tarot_domain.model.ledger import Balance, ClawbackResult, LedgerBook, Transfer, TransferRequest
from tarot_domain.model.payments import Payment, StatusChange
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.users import User


@define
class _State:
    users: dict[str, User] = field(factory=dict)
    user_refs: dict[str, str] = field(factory=dict)
    book: LedgerBook = field(factory=LedgerBook)
    readings: dict[str, Reading] = field(factory=dict)
    reading_keys: dict[tuple[str, str], str] = field(factory=dict)
    payments: dict[str, Payment] = field(factory=dict)
    events: dict[tuple[str, str], datetime] = field(factory=dict)

    def copy(self) -> _State:
        return _State(
            dict(self.users), dict(self.user_refs), self.book.copy(), dict(self.readings),
            dict(self.reading_keys), dict(self.payments), dict(self.events),
        )  # fmt: skip


def stale_payment(payment_id: str, version: int) -> TarotError:
    """The state to store was computed from version `version`, and the stored one moved on."""
    return TarotError(
        ErrorKind.DATABASE, f"payment {payment_id} changed since version {version}; retry", retryable=True
    )


class MemoryStore:
    """Shared by every unit of work made from it; `uow()` is the UnitOfWorkFactory."""

    def __init__(self) -> None:
        self.state = _State()
        self.lock = asyncio.Lock()

    def uow(self) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self)


class MemoryUserRepository:
    def __init__(self, state: _State) -> None:
        self._s = state

    async def add(self, user: User) -> None:
        if user.id in self._s.users or (user.external_ref and user.external_ref in self._s.user_refs):
            raise conflict(f"user {user.id} or {user.external_ref} exists")
        self._s.users[user.id] = user
        if user.external_ref:
            self._s.user_refs[user.external_ref] = user.id

    async def get(self, user_id: str) -> User | None:
        return self._s.users.get(user_id)

    async def get_by_ref(self, external_ref: str) -> User | None:
        user_id = self._s.user_refs.get(external_ref)
        return None if user_id is None else self._s.users[user_id]

    async def update(self, user: User) -> None:
        old = self._s.users.get(user.id)
        if old is None:
            raise not_found(f"no user {user.id}")
        if user.external_ref != old.external_ref:
            if user.external_ref and user.external_ref in self._s.user_refs:
                raise conflict(f"user ref {user.external_ref} exists")
            if old.external_ref:
                del self._s.user_refs[old.external_ref]
            if user.external_ref:
                self._s.user_refs[user.external_ref] = user.id
        self._s.users[user.id] = user

    async def count(self) -> int:
        return len(self._s.users)

    async def list_tier_ending(self, start: datetime, end: datetime, limit: int = 500) -> list[User]:
        ending = [
            u for u in self._s.users.values()
            if u.active and u.reminders and u.tier_id is not None and u.tier_until is not None
            and start <= u.tier_until < end
        ]  # fmt: skip
        ending.sort(key=lambda u: (u.tier_until or start, u.id))
        return ending[: max(limit, 0)]


class MemoryLedgerRepository:
    def __init__(self, state: _State) -> None:
        self._s = state

    async def submit(self, request: TransferRequest, now: datetime) -> Transfer:
        return self._s.book.submit(request, now)

    async def clawback(self, request: TransferRequest, now: datetime) -> ClawbackResult:
        return self._s.book.clawback(request, now)

    async def post(self, transfer_id: str, now: datetime) -> Transfer:
        return self._s.book.post(transfer_id, now)

    async def void(self, transfer_id: str, now: datetime) -> Transfer:
        return self._s.book.void(transfer_id, now)

    async def expire_due(self, now: datetime) -> list[Transfer]:
        return self._s.book.expire_due(now)

    async def get(self, transfer_id: str) -> Transfer | None:
        return self._s.book.get(transfer_id)

    async def balance(self, account: str) -> Balance:
        return self._s.book.balance(account)

    async def balances(self) -> list[Balance]:
        return list(self._s.book.balances.values())

    async def pending(self) -> list[Transfer]:
        return self._s.book.pending_transfers()

    async def history(self, account: str, limit: int = 50, offset: int = 0) -> list[Transfer]:
        return self._s.book.history(account)[offset : offset + limit]


class MemoryReadingRepository:
    def __init__(self, state: _State) -> None:
        self._s = state

    async def add(self, reading: Reading) -> None:
        key = (reading.user_id, reading.idempotency_key)
        if reading.id in self._s.readings or key in self._s.reading_keys:
            raise conflict(f"reading {reading.id} exists")
        self._s.readings[reading.id] = reading
        self._s.reading_keys[key] = reading.id

    async def get(self, reading_id: str) -> Reading | None:
        return self._s.readings.get(reading_id)

    async def get_by_key(self, user_id: str, idempotency_key: str) -> Reading | None:
        reading_id = self._s.reading_keys.get((user_id, idempotency_key))
        return None if reading_id is None else self._s.readings[reading_id]

    def _of_user(self, user_id: str) -> list[Reading]:
        mine = [r for r in self._s.readings.values() if r.user_id == user_id]
        mine.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return mine

    async def list_for_user(
        self, user_id: str, limit: int = 10, offset: int = 0, *, before: tuple[datetime, str] | None = None
    ) -> list[Reading]:
        mine = self._of_user(user_id)
        if before is not None:
            mine = [r for r in mine if (r.created_at, r.id) < before]
        return mine[offset : offset + limit]

    async def count_for_user(self, user_id: str) -> int:
        return sum(1 for r in self._s.readings.values() if r.user_id == user_id)

    async def add_follow_up(self, reading_id: str, follow_up: FollowUp) -> None:
        reading = self._s.readings.get(reading_id)
        if reading is None:
            raise not_found(f"no reading {reading_id}")
        self._s.readings[reading_id] = evolve(reading, follow_ups=(*reading.follow_ups, follow_up))

    async def erase_for_user(self, user_id: str) -> int:
        mine = [r for r in self._s.readings.values() if r.user_id == user_id]
        for r in mine:
            self._s.readings[r.id] = _blank(r)
        return len(mine)

    async def purge_older_than(self, cutoff: datetime, limit: int | None = None) -> int:
        due = sorted(
            (r for r in self._s.readings.values() if r.created_at < cutoff and _blank(r) != r),
            key=lambda r: (r.created_at, r.id),
        )
        for r in due[: len(due) if limit is None else max(limit, 0)]:
            self._s.readings[r.id] = _blank(r)
        return len(due) if limit is None else min(len(due), max(limit, 0))

    async def hold_ids(self) -> set[str]:
        ids: set[str] = set()
        for r in self._s.readings.values():
            if r.hold_id:
                ids.add(r.hold_id)
            ids.update(f.hold_id for f in r.follow_ups if f.hold_id)
        return ids


def _blank(r: Reading) -> Reading:
    """The reading without what the person wrote or was told; the draw and the charge stay."""
    return evolve(
        r,
        question="",
        answers=(),
        interpretation=evolve(r.interpretation, text=""),
        follow_ups=tuple(
            evolve(f, question="", interpretation=evolve(f.interpretation, text="")) for f in r.follow_ups
        ),
    )


class MemoryPaymentRepository:
    def __init__(self, state: _State) -> None:
        self._s = state

    def _check_ref_free(self, payment: Payment) -> None:
        if payment.provider_ref is None:
            return
        for other in self._s.payments.values():
            if (
                other.id != payment.id
                and other.provider == payment.provider
                and other.provider_ref == payment.provider_ref
            ):
                raise conflict(f"{payment.provider} payment {payment.provider_ref} is {other.id}")

    async def add(self, payment: Payment) -> None:
        if payment.id in self._s.payments:
            raise conflict(f"payment {payment.id} exists")
        self._check_ref_free(payment)
        self._s.payments[payment.id] = payment

    async def get(self, payment_id: str) -> Payment | None:
        return self._s.payments.get(payment_id)

    async def get_by_provider_ref(self, provider: str, provider_ref: str) -> Payment | None:
        for p in self._s.payments.values():
            if p.provider == provider and p.provider_ref == provider_ref:
                return p
        return None

    async def update(self, payment: Payment, change: StatusChange | None = None) -> Payment:
        old = self._s.payments.get(payment.id)
        if old is None:
            raise not_found(f"no payment {payment.id}")
        if old.version != payment.version:
            raise stale_payment(payment.id, payment.version)
        self._check_ref_free(payment)
        history = (*old.history, change) if change else old.history
        stored = evolve(payment, history=history, version=payment.version + 1)
        self._s.payments[payment.id] = stored
        return stored

    async def list_for_user(self, user_id: str, limit: int = 50) -> list[Payment]:
        mine = [p for p in self._s.payments.values() if p.user_id == user_id]
        mine.sort(key=lambda p: (p.created_at, p.id), reverse=True)
        return mine[:limit]

    async def list_flagged(self, limit: int = 100) -> list[Payment]:
        flagged = [p for p in self._s.payments.values() if p.flag is not None]
        flagged.sort(key=lambda p: (p.created_at, p.id))
        return flagged[: max(limit, 0)]

    async def list_refund_requests(self, limit: int = 100) -> list[Payment]:
        asked = [p for p in self._s.payments.values() if p.refund_request is not None]
        asked.sort(key=lambda p: (p.created_at, p.id))
        return asked[: max(limit, 0)]


class MemoryAuditRepository:
    def __init__(self, state: _State, readings: MemoryReadingRepository) -> None:
        self._s = state
        self._readings = readings

    async def audit(self, now: datetime, limit: int = DEFAULT_LIMIT) -> AuditReport:
        book = self._s.book
        findings = audit_books(
            book.balances, book.transfers.values(), self._s.payments.values(),
            await self._readings.hold_ids(), now,
        )  # fmt: skip
        return report(findings, len(book.balances), len(book.pending_transfers()), limit)

    async def figures(self, day_start: datetime, week_start: datetime) -> Figures:
        readings = self._s.readings.values()
        granted, spent = credits_moved(self._s.book.transfers.values())
        payments = self._s.payments.values()
        return Figures(
            users=len(self._s.users),
            readings_today=sum(1 for r in readings if r.created_at >= day_start),
            readings_week=sum(1 for r in readings if r.created_at >= week_start),
            credits_granted=granted,
            credits_spent=spent,
            payments=payment_rows(payments),
            flagged=sum(1 for p in payments if p.flag is not None),
        )


class MemoryProcessedEventRepository:
    def __init__(self, state: _State) -> None:
        self._s = state

    async def mark(self, provider: str, event_id: str, now: datetime) -> bool:
        if (provider, event_id) in self._s.events:
            return False
        self._s.events[(provider, event_id)] = now
        return True


class MemoryUnitOfWork:
    users: MemoryUserRepository
    ledger: MemoryLedgerRepository
    readings: MemoryReadingRepository
    payments: MemoryPaymentRepository
    events: MemoryProcessedEventRepository
    audit: MemoryAuditRepository

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._working: _State | None = None

    async def __aenter__(self) -> Self:
        await self._store.lock.acquire()
        self._working = self._store.state.copy()
        self.users = MemoryUserRepository(self._working)
        self.ledger = MemoryLedgerRepository(self._working)
        self.readings = MemoryReadingRepository(self._working)
        self.payments = MemoryPaymentRepository(self._working)
        self.events = MemoryProcessedEventRepository(self._working)
        self.audit = MemoryAuditRepository(self._working, self.readings)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._working = None
        self._store.lock.release()

    async def commit(self) -> None:
        if self._working is None:
            raise RuntimeError("commit outside the unit of work")
        self._store.state = self._working
        # Keep working on a fresh snapshot so a second commit in the same block stays isolated.
        self._working = self._working.copy()
        self.users = MemoryUserRepository(self._working)
        self.ledger = MemoryLedgerRepository(self._working)
        self.readings = MemoryReadingRepository(self._working)
        self.payments = MemoryPaymentRepository(self._working)
        self.events = MemoryProcessedEventRepository(self._working)
        self.audit = MemoryAuditRepository(self._working, self.readings)
