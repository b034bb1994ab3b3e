"""Backends for the storage contract suite: `memory`, `sqlite` and `postgres`, resolved lazily.

Every test gets a fresh store: a new MemoryStore, a new SQLite file under tmp_path, or a new Postgres
schema (`t_<random>`, migrated, reached through a pool whose search_path is that schema, dropped after).

Postgres is the session's `pg_url` (tests/servers.py: the configured server, or a throwaway one).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from attrs import define, evolve

from adapters.memory.storage import MemoryStore
from adapters.postgres.migrations import migrate_database
from adapters.postgres.storage import PostgresStore, create_pool
from adapters.sqlite.storage import SqliteStore
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    ISSUANCE_STRIPE,
    REVENUE_READINGS,
    TransferKind,
    TransferRequest,
    invariant_violations,
    user_account,
)
from tarot_domain.model.payments import Payment, PaymentStatus, StatusChange
from tarot_domain.model.readings import FollowUp, Interpretation, QuestionnaireAnswer, Reading
from tarot_domain.model.users import Preferences, User
from tarot_ports.storage import UnitOfWork

KINDS = ("memory", "sqlite", "postgres")
REAL_KINDS = ("sqlite", "postgres")


@define
class Backend:
    """One store under test. `uow` is the UnitOfWorkFactory; `reset()` empties it (for the state
    machine, which needs a fresh store per example without a fixture per example)."""

    kind: str
    store: MemoryStore | SqliteStore | PostgresStore
    reset_hook: Callable[[Backend], object] | None = None

    def uow(self) -> UnitOfWork:
        return self.store.uow()

    async def reset(self) -> None:
        if self.reset_hook is not None:
            result = self.reset_hook(self)
            if hasattr(result, "__await__"):
                await result  # type: ignore[misc]


async def _create_schema(url: str) -> str:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]  # generated identifier
    return schema


async def _drop_schema(url: str, schema: str) -> None:
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # type: ignore[arg-type]


async def _truncate(backend: Backend) -> None:
    assert isinstance(backend.store, PostgresStore)
    async with backend.store.pool.connection() as conn:
        await conn.execute(
            "TRUNCATE users, transfers, balances, readings, follow_ups, payments, payment_status_history,"
            " processed_events RESTART IDENTITY"
        )


@contextlib.asynccontextmanager
async def postgres_backend(url: str, max_size: int = 20) -> AsyncIterator[Backend]:
    schema = await _create_schema(url)
    try:
        await migrate_database(url, schema)
        pool = create_pool(url, schema=schema, min_size=1, max_size=max_size, timeout=30)
        await pool.open(wait=True)
        try:
            yield Backend("postgres", PostgresStore(pool), _truncate)
        finally:
            await pool.close()
    finally:
        await _drop_schema(url, schema)


# ---------------------------------------------------------------------------------------------------
# SQLite and memory


@contextlib.asynccontextmanager
async def sqlite_backend(directory: Path) -> AsyncIterator[Backend]:
    counter = iter(range(1_000_000))
    store = SqliteStore(directory / "tarot.sqlite3")
    await store.open()
    stores = [store]

    async def fresh_file(backend: Backend) -> None:
        # Transfers are append-only (a trigger refuses DELETE), so a reset is a new file.
        new = SqliteStore(directory / f"tarot-{next(counter)}.sqlite3")
        await new.open()
        stores.append(new)
        backend.store = new

    try:
        yield Backend("sqlite", store, fresh_file)
    finally:
        for s in stores:
            await s.close()


@contextlib.asynccontextmanager
async def memory_backend() -> AsyncIterator[Backend]:
    def fresh(backend: Backend) -> None:
        backend.store = MemoryStore()

    yield Backend("memory", MemoryStore(), fresh)


@contextlib.asynccontextmanager
async def open_backend(kind: str, directory: Path, pg: str | None = None) -> AsyncIterator[Backend]:
    """For tests that build their store in the test body (the state machine); `pg` is the URL."""
    if kind == "memory":
        async with memory_backend() as backend:
            yield backend
    elif kind == "sqlite":
        async with sqlite_backend(directory) as backend:
            yield backend
    elif kind == "postgres":
        assert pg is not None
        async with postgres_backend(pg) as backend:
            yield backend
    else:
        raise ValueError(kind)


async def assert_ledger_consistent(backend: Backend) -> None:
    async with backend.uow() as uow:
        balances = await uow.ledger.balances()
        pending = await uow.ledger.pending()
    problems = invariant_violations({b.account: b for b in balances}, pending, None)
    assert problems == [], f"{backend.kind}: ledger invariants broken: {problems}"


# Each backend fixture checks the ledger's zero-sum and no-negative rules after its test.


@pytest.fixture
async def memory_backend_fixture() -> AsyncIterator[Backend]:
    async with memory_backend() as backend:
        yield backend
        await assert_ledger_consistent(backend)


@pytest.fixture
async def sqlite_backend_fixture(tmp_path: Path) -> AsyncIterator[Backend]:
    async with sqlite_backend(tmp_path) as backend:
        yield backend
        await assert_ledger_consistent(backend)


@pytest.fixture
async def postgres_backend_fixture(pg_url: str) -> AsyncIterator[Backend]:
    async with postgres_backend(pg_url) as backend:
        yield backend
        await assert_ledger_consistent(backend)


# Sync on purpose: resolving an async fixture from inside a running event loop is not possible.
@pytest.fixture(params=KINDS)
def backend(request: pytest.FixtureRequest) -> Backend:
    """Every backend, resolved lazily: a postgres-less machine still runs memory and sqlite."""
    chosen: Backend = request.getfixturevalue(f"{request.param}_backend_fixture")
    return chosen


@pytest.fixture(params=REAL_KINDS)
def real_backend(request: pytest.FixtureRequest) -> Backend:
    chosen: Backend = request.getfixturevalue(f"{request.param}_backend_fixture")
    return chosen


# ---------------------------------------------------------------------------------------------------
# Builders (a fixture, because test modules cannot import this conftest by name)

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


class Make:
    now = NOW

    @staticmethod
    def user(user_id: str = "u1", ref: str | None = "telegram:1", **changes: Any) -> User:
        user = User(
            id=user_id,
            external_ref=ref,
            preferences=Preferences(language="uk", deck_id="thoth", reversals=False),
            created_at=NOW,
            last_seen_at=NOW + timedelta(seconds=1, microseconds=250),
            display_name="Оля",
            tier_id="premium",
            tier_until=NOW + timedelta(days=30),
        )
        return evolve(user, **changes)

    @staticmethod
    def interpretation(text: str = "The Fool walks on.", **changes: Any) -> Interpretation:
        base = Interpretation(
            text=text,
            interpreter="openai",
            model="gpt-x",
            prompt_tokens=120,
            completion_tokens=340,
            cached=True,
        )
        return evolve(base, **changes)

    @staticmethod
    def reading(
        reading_id: str = "r1", user_id: str = "u1", key: str = "k1", at: datetime = NOW, **changes: Any
    ) -> Reading:
        reading = Reading(
            id=reading_id,
            user_id=user_id,
            idempotency_key=key,
            spread_id="three",
            deck_id="rider-waite",
            language="en",
            question="What should I know about “work”?",
            cards=(
                DrawnCard("past", "major-00-fool", False),
                DrawnCard("present", "cups-queen", True),
                DrawnCard("future", "swords-10", False),
            ),
            interpretation=Make.interpretation(),
            created_at=at,
            answers=(QuestionnaireAnswer("focus", "career"), QuestionnaireAnswer("mood", "hopeful")),
            cost=12,
            hold_id=f"hold:{reading_id}",
        )
        return evolve(reading, **changes)

    @staticmethod
    def follow_up(question: str = "And then?", at: datetime = NOW, **changes: Any) -> FollowUp:
        base = FollowUp(
            question=question,
            interpretation=Make.interpretation("Then the Queen."),
            created_at=at,
            cost=2,
            hold_id=None,
        )
        return evolve(base, **changes)

    @staticmethod
    def payment(payment_id: str = "p1", user_id: str = "u1", **changes: Any) -> Payment:
        base = Payment(
            id=payment_id,
            provider="stripe",
            user_id=user_id,
            product_id="pack-15",
            amount=499,
            currency="usd",
            credits=15,
            status=PaymentStatus.CREATED,
            created_at=NOW,
            provider_ref=None,
            history=(StatusChange(PaymentStatus.CREATED, NOW, "checkout"),),
        )
        return evolve(base, **changes)

    @staticmethod
    def grant(transfer_id: str, user_id: str, amount: int, **changes: Any) -> TransferRequest:
        base = TransferRequest(
            id=transfer_id,
            debit=ISSUANCE_GRANTS,
            credit=user_account(user_id),
            amount=amount,
            kind=TransferKind.GRANT,
        )
        return evolve(base, **changes)

    @staticmethod
    def hold(transfer_id: str, user_id: str, amount: int, **changes: Any) -> TransferRequest:
        base = TransferRequest(
            id=transfer_id,
            debit=user_account(user_id),
            credit=REVENUE_READINGS,
            amount=amount,
            kind=TransferKind.READING,
            reference=f"reading:{transfer_id}",
            pending=True,
        )
        return evolve(base, **changes)

    @staticmethod
    def clawback(transfer_id: str, user_id: str, amount: int, **changes: Any) -> TransferRequest:
        base = TransferRequest(
            id=transfer_id,
            debit=user_account(user_id),
            credit=ISSUANCE_STRIPE,
            amount=amount,
            kind=TransferKind.CLAWBACK,
            reference="refund",
            balancing=True,
        )
        return evolve(base, **changes)


@pytest.fixture
def make() -> type[Make]:
    return Make


@pytest.fixture
def open_backend_fn() -> Callable[..., contextlib.AbstractAsyncContextManager[Backend]]:
    """`open_backend` for tests that build their store in the test body."""
    return open_backend
