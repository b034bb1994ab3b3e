"""What only the Postgres adapter has: pooled-connection setup, error translation, DB-side guards."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import psycopg
import pytest
from psycopg import errors as pg_errors
from psycopg_pool import PoolTimeout

from adapters.postgres.storage import PostgresStore, create_pool, database_error
from tarot_domain.model.errors import ErrorKind, TarotError

pytestmark = pytest.mark.contract


async def test_pooled_connections_are_configured(postgres_backend_fixture) -> None:
    pool = postgres_backend_fixture.store.pool
    async with pool.connection() as conn:
        cur = await conn.execute(
            "SELECT current_setting('idle_in_transaction_session_timeout') AS idle,"
            " current_setting('TimeZone') AS tz, current_schema() AS schema"
        )
        row = await cur.fetchone()
    assert row is not None
    assert (row["idle"], row["tz"]) == ("30s", "UTC") and row["schema"].startswith("t_")


@pytest.mark.parametrize(
    ("error", "retryable"),
    [
        (pg_errors.SerializationFailure("x"), True),
        (pg_errors.DeadlockDetected("x"), True),
        (pg_errors.AdminShutdown("x"), True),
        (pg_errors.LockNotAvailable("x"), True),
        (pg_errors.TooManyConnections("x"), True),
        (psycopg.OperationalError("connection lost"), True),
        (PoolTimeout("no connection"), True),
        (pg_errors.UniqueViolation("x"), False),
        (pg_errors.UndefinedTable("x"), False),
        (pg_errors.SyntaxError("x"), False),
    ],
)
def test_driver_errors_become_database_errors(error: Exception, retryable: bool) -> None:
    translated = database_error(error)
    assert translated.kind is ErrorKind.DATABASE and translated.retryable is retryable


def test_a_missing_table_hints_at_migrate() -> None:
    assert "tarot migrate" in database_error(pg_errors.UndefinedTable("relation does not exist")).detail


async def test_a_lost_connection_is_retryable_and_the_pool_recovers(postgres_backend_fixture, make) -> None:
    store = postgres_backend_fixture.store
    with pytest.raises(TarotError) as caught:
        async with store.uow() as uow:
            await uow.users.count()
            pid = uow._conn.info.backend_pid
            async with await psycopg.AsyncConnection.connect(store.pool.conninfo, autocommit=True) as killer:
                await killer.execute("SELECT pg_terminate_backend(%s)", (pid,))
            await uow.users.count()
    assert caught.value.kind is ErrorKind.DATABASE and caught.value.retryable
    async with store.uow() as uow:  # the broken connection was replaced
        assert await uow.users.count() == 0


async def test_an_exhausted_pool_is_retryable(postgres_backend_fixture) -> None:
    schema = await _current_schema(postgres_backend_fixture.store)
    pool = create_pool(postgres_backend_fixture.store.pool.conninfo, schema=schema, max_size=1, timeout=0.2)
    await pool.open(wait=True)
    try:
        store = PostgresStore(pool)
        async with store.uow() as first:
            await first.users.count()
            with pytest.raises(TarotError) as caught:
                async with store.uow():
                    pass
        assert caught.value.kind is ErrorKind.DATABASE and caught.value.retryable
        async with store.uow() as uow:
            assert await uow.users.count() == 0  # nothing of the dropped unit of work was kept
    finally:
        await pool.close()


async def test_a_unit_of_work_left_idle_is_ended_by_the_server(postgres_backend_fixture, make) -> None:
    schema = await _current_schema(postgres_backend_fixture.store)
    pool = create_pool(
        postgres_backend_fixture.store.pool.conninfo,
        schema=schema,
        idle_in_transaction_timeout=timedelta(milliseconds=200),
    )
    await pool.open(wait=True)
    try:
        store = PostgresStore(pool)
        with pytest.raises(TarotError) as caught:
            async with store.uow() as uow:
                await uow.users.add(make.user())  # a write opens the transaction (reads alone do not)
                await asyncio.sleep(0.6)  # a stuck caller: the server drops it and its locks
                await uow.users.count()
        assert caught.value.kind is ErrorKind.DATABASE and caught.value.retryable
    finally:
        await pool.close()


async def test_the_database_keeps_transfers_immutable(postgres_backend_fixture, make) -> None:
    store = postgres_backend_fixture.store
    async with store.uow() as uow:
        await uow.ledger.submit(make.grant("g1", "u1", 5), make.now)
        await uow.ledger.submit(make.grant("g2", "u1", 5), make.now)
        await uow.ledger.submit(make.hold("h1", "u1", 5), make.now)
        await uow.ledger.void("h1", make.now)
        await uow.commit()
    async with store.pool.connection() as conn:
        for statement in (
            "UPDATE transfers SET amount = 1 WHERE id = 'g1'",
            "UPDATE transfers SET state = 'voided' WHERE id = 'g2'",
            "UPDATE transfers SET state = 'posted' WHERE id = 'h1'",
        ):
            with pytest.raises(pg_errors.IntegrityConstraintViolation):
                async with conn.transaction():
                    await conn.execute(statement)  # type: ignore[arg-type]


async def _current_schema(store: PostgresStore) -> str:
    async with store.pool.connection() as conn:
        cur = await conn.execute("SELECT current_schema() AS s")
        row = await cur.fetchone()
    assert row is not None
    return str(row["s"])


async def test_revenue_is_spread_over_slots_and_summed_on_read(postgres_backend_fixture, make) -> None:
    """No hot row (issue 21): holds for many readings credit different rows of revenue:readings;
    the port still shows one balance, and each row settles exactly what was held on it."""
    from adapters.postgres.storage import BALANCE_SLOTS

    store = postgres_backend_fixture.store
    async with store.uow() as uow:
        await uow.ledger.submit(make.grant("g1", "u1", 400), make.now)
        for i in range(40):
            await uow.ledger.submit(make.hold(f"h{i}", "u1", 5), make.now)
        await uow.commit()
    async with store.uow() as uow:
        for i in range(0, 40, 2):
            await uow.ledger.post(f"h{i}", make.now)
        for i in range(1, 40, 2):
            await uow.ledger.void(f"h{i}", make.now)
        await uow.commit()
    async with store.pool.connection() as conn:
        rows = await (
            await conn.execute(
                "SELECT slot, posted, pending_in FROM balances"
                " WHERE account = 'revenue:readings' ORDER BY slot"
            )
        ).fetchall()
    assert 4 < len(rows) <= BALANCE_SLOTS
    assert all(r["pending_in"] == 0 for r in rows) and sum(r["posted"] for r in rows) == 100
    async with store.uow() as uow:
        revenue = await uow.ledger.balance("revenue:readings")
        listed = {b.account: b for b in await uow.ledger.balances()}
        report = await uow.audit.audit(make.now)
    assert (revenue.posted, revenue.pending_in) == (100, 0) == (listed["revenue:readings"].posted, 0)
    books = [v for v in report.violations if not v.startswith("charged-without-reading")]  # no readings here
    assert books == [] and len(report.violations) == 20


async def test_statements_sent_together_fail_together_when_the_sender_is_cancelled(
    postgres_backend_fixture,
) -> None:
    """Statements issued together travel in one message; when the task that sends it is cancelled,
    the others get a retryable error instead of waiting forever."""
    store = postgres_backend_fixture.store
    async with store.uow() as uow:
        db = uow.users._db
        slow = asyncio.ensure_future(db.one("SELECT pg_sleep(2)"))
        other = asyncio.ensure_future(uow.users.count())
        await asyncio.sleep(0.2)  # both queued, the slow one's task is sending the message
        slow.cancel()
        with pytest.raises(TarotError) as caught:
            await asyncio.wait_for(other, 5)
        assert caught.value.kind is ErrorKind.DATABASE and caught.value.retryable
        with pytest.raises(asyncio.CancelledError):
            await slow
