"""Storage: repositories that share one transaction through a unit of work.

`async with uow_factory() as uow:` opens a transaction; leaving the block without `await uow.commit()`
rolls back. Every method may raise `TarotError(DATABASE)` (retryable) when the store fails; the
errors listed per method are the ones callers handle.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from tarot_domain.model.audit import AuditReport
from tarot_domain.model.figures import Figures
from tarot_domain.model.ledger import Balance, ClawbackResult, Transfer, TransferRequest
from tarot_domain.model.payments import Payment, StatusChange
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.users import User


class UserRepository(Protocol):
    async def add(self, user: User) -> None:
        """Raises CONFLICT when the id or external_ref is taken."""
        ...

    async def get(self, user_id: str) -> User | None: ...

    async def get_by_ref(self, external_ref: str) -> User | None: ...

    async def update(self, user: User) -> None:
        """Replaces the stored user with the same id. Raises NOT_FOUND."""
        ...

    async def count(self) -> int: ...

    async def list_tier_ending(self, start: datetime, end: datetime, limit: int = 500) -> list[User]:
        """Active users who want reminders and whose tier ends at or after `start` and before `end`,
        soonest first."""
        ...


class LedgerRepository(Protocol):
    async def submit(self, request: TransferRequest, now: datetime) -> Transfer:
        """Record a transfer (posted, or pending when `request.pending`).

        Replaying an id with identical fields returns the original; different fields → CONFLICT.
        A user account without enough available credits → INSUFFICIENT_CREDITS.
        """
        ...

    async def clawback(self, request: TransferRequest, now: datetime) -> ClawbackResult:
        """A balancing transfer: takes min(amount, available) from the debit account; replayable."""
        ...

    async def post(self, transfer_id: str, now: datetime) -> Transfer:
        """Capture a hold. Idempotent; NOT_FOUND; CONFLICT when voided/expired or past its expiry."""
        ...

    async def void(self, transfer_id: str, now: datetime) -> Transfer:
        """Release a hold. Idempotent; NOT_FOUND; CONFLICT when already posted or expired."""
        ...

    async def expire_due(self, now: datetime) -> list[Transfer]:
        """Mark every pending hold whose expiry is at or before `now` as expired; return them."""
        ...

    async def get(self, transfer_id: str) -> Transfer | None: ...

    async def balance(self, account: str) -> Balance: ...

    async def balances(self) -> list[Balance]:
        """Every account that has ever moved, for invariant checks."""
        ...

    async def pending(self) -> list[Transfer]: ...

    async def history(self, account: str, limit: int = 50, offset: int = 0) -> list[Transfer]:
        """Transfers touching `account`, newest first."""
        ...


class ReadingRepository(Protocol):
    async def add(self, reading: Reading) -> None:
        """Raises CONFLICT when the id or (user_id, idempotency_key) exists."""
        ...

    async def get(self, reading_id: str) -> Reading | None: ...

    async def get_by_key(self, user_id: str, idempotency_key: str) -> Reading | None: ...

    async def list_for_user(
        self, user_id: str, limit: int = 10, offset: int = 0, *, before: tuple[datetime, str] | None = None
    ) -> list[Reading]:
        """Newest first (by `created_at`, then `id`); with `before` = (created_at, id) of a reading, only
        those listed after it, so a page boundary holds while new readings arrive (a cursor)."""
        ...

    async def count_for_user(self, user_id: str) -> int: ...

    async def add_follow_up(self, reading_id: str, follow_up: FollowUp) -> None:
        """Append to the reading's follow-ups. NOT_FOUND."""
        ...

    async def erase_for_user(self, user_id: str) -> int:
        """Blank question, answers and texts of every reading of the user (the right to be forgotten);
        returns how many. The rows stay, so every charge in the ledger still has its reading."""
        ...

    async def purge_older_than(self, cutoff: datetime, limit: int | None = None) -> int:
        """Blank question, answers and texts of readings created before `cutoff` (the ledger stays),
        at most `limit` readings (oldest first; None: all); returns how many readings it blanked (a
        reading counts when it or one of its follow-ups still held text)."""
        ...

    async def hold_ids(self) -> set[str]:
        """The hold id of every stored reading and follow-up, for the ledger check."""
        ...


class PaymentRepository(Protocol):
    async def add(self, payment: Payment) -> None:
        """Raises CONFLICT when the id, or the (provider, provider_ref) pair, exists."""
        ...

    async def get(self, payment_id: str) -> Payment | None: ...

    async def get_by_provider_ref(self, provider: str, provider_ref: str) -> Payment | None: ...

    async def update(self, payment: Payment, change: StatusChange | None = None) -> Payment:
        """Store a new state over the version it was computed from (optimistic concurrency): the stored
        version must be `payment.version`; it becomes `payment.version + 1`, with `change` (if given)
        appended to the history. Returns the stored state.

        NOT_FOUND; CONFLICT when another payment has the same (provider, provider_ref); DATABASE
        (retryable) when the stored version moved on, i.e. the state was computed from a stale read.
        """
        ...

    async def list_for_user(self, user_id: str, limit: int = 50) -> list[Payment]: ...

    async def list_flagged(self, limit: int = 100) -> list[Payment]:
        """Payments whose credits wait for an operator's decision (`flag` set), oldest first."""
        ...

    async def list_refund_requests(self, limit: int = 100) -> list[Payment]:
        """Payments whose money waits to be returned (`refund_request` set), oldest first."""
        ...


class AuditRepository(Protocol):
    async def audit(self, now: datetime, limit: int = 1000) -> AuditReport:
        """Every check of `tarot_domain.model.audit`, run inside the store (set-based, so its memory does
        not grow with the ledger); at most `limit` violations, in the module's order."""
        ...

    async def figures(self, day_start: datetime, week_start: datetime) -> Figures:
        """The service in numbers (`tarot_domain.model.figures`); readings are counted from `day_start`
        and from `week_start`."""
        ...


class ProcessedEventRepository(Protocol):
    async def mark(self, provider: str, event_id: str, now: datetime) -> bool:
        """Record an external event as applied; False when it was already recorded."""
        ...


class UnitOfWork(Protocol):
    # Read-only properties, so an adapter may expose its own concrete repository types.
    @property
    def users(self) -> UserRepository: ...

    @property
    def ledger(self) -> LedgerRepository: ...

    @property
    def readings(self) -> ReadingRepository: ...

    @property
    def payments(self) -> PaymentRepository: ...

    @property
    def events(self) -> ProcessedEventRepository: ...

    @property
    def audit(self) -> AuditRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Rolls back whatever was not committed."""
        ...

    async def commit(self) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
