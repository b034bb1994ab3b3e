"""The storage ports on PostgreSQL: psycopg 3 async, raw SQL, one short transaction per unit of work.

Every unit of work borrows one pooled connection and is at most one transaction on it (READ COMMITTED),
begun by its first write (`_Db`: reads before it run on their own, statements issued together travel
in one message). The ledger's rules run in SQL where concurrency makes them matter:
- a spend is a conditional `UPDATE balances ... WHERE posted - pending_out >= amount` (re-checked by
  Postgres on the newest row version when it had to wait for a lock), backed by a CHECK constraint;
- an id is claimed with `INSERT ... ON CONFLICT DO NOTHING`, so a replay never double-books and the
  comparison with the stored transfer is the domain's own `replay_or_conflict`;
- a hold leaves pending only through `UPDATE ... WHERE state = 'pending'`, so post, void and the
  sweeper cannot both win;
- balance rows are locked in one order (user accounts before system accounts, then by name), so two
  single-transfer transactions cannot deadlock;
- a system account's balance is spread over BALANCE_SLOTS rows (migration 0004), each transfer moving
  on the slot it records, so concurrent readings rarely wait for one revenue row.
Most ledger operations are a single statement (data-modifying CTEs): fewer round trips means the hot
`revenue:readings` row is locked for less time.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import re
import time
import weakref
import zlib
from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

import cattrs
import psycopg
from attrs import define, evolve
from psycopg import errors as pg_errors
from psycopg import sql
from psycopg.pq import TransactionStatus
from psycopg.rows import DictRow, dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool, PoolClosed, PoolTimeout

from adapters.sql_audit import (
    COUNTS,
    PAYMENT_COUNTS,
    audit_report,
    audit_statement,
    figures_of,
    figures_statement,
)
from tarot_domain.model.audit import DEFAULT_LIMIT, AuditReport
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.errors import (
    ErrorKind,
    TarotError,
    conflict,
    insufficient_credits,
    not_found,
    validation,
)
from tarot_domain.model.figures import Figures
from tarot_domain.model.ledger import (
    Balance,
    ClawbackResult,
    Transfer,
    TransferKind,
    TransferRequest,
    TransferState,
    is_user_account,
    new_transfer,
    replay_or_conflict,
    resolve,
)
from tarot_domain.model.payments import Dispute, Payment, PaymentStatus, StatusChange
from tarot_domain.model.readings import FollowUp, Interpretation, QuestionnaireAnswer, Reading
from tarot_domain.model.users import Preferences, User

Conn = psycopg.AsyncConnection[DictRow]
Pool = AsyncConnectionPool[Conn]

DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT = timedelta(seconds=30)
# A pooled connection is checked (one round trip) only when it sat idle this long: one in steady use
# has just proven itself, and one that broke since fails its unit of work with a retryable error.
DEFAULT_CHECK_AFTER_IDLE = timedelta(seconds=2)

# When each connection was last given back to its pool (for the idle-time health check).
_returned: weakref.WeakKeyDictionary[Conn, float] = weakref.WeakKeyDictionary()

# ---------------------------------------------------------------------------------------------------
# Errors


# SQLSTATE classes that mean "try the whole unit of work again": connection trouble (08), serialization
# failure and deadlock (40), resources exhausted (53), operator intervention such as a restart (57P),
# and a lock or statement timeout (55P03, 57014).
_RETRYABLE_PREFIXES = ("08", "40", "53", "57P")
_RETRYABLE_CODES = frozenset({"55P03", "57014", "25P03"})


def database_error(exc: BaseException) -> TarotError:
    """Translate a driver or pool exception; the detail names the failure, never parameters."""
    if isinstance(exc, PoolTimeout):
        return TarotError(ErrorKind.DATABASE, f"no database connection free: {exc}", retryable=True)
    if isinstance(exc, PoolClosed):
        return TarotError(ErrorKind.DATABASE, "the database pool is closed", retryable=False)
    code = getattr(exc, "sqlstate", None) or ""
    if isinstance(exc, psycopg.Error) and not code:
        # No SQLSTATE: the connection broke or could not be made.
        retryable = isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)
    else:
        retryable = code.startswith(_RETRYABLE_PREFIXES) or code in _RETRYABLE_CODES
    first_line = str(exc).splitlines()[0] if str(exc) else ""
    hint = " (has `tarot migrate` been run on this database?)" if code == "42P01" else ""
    return TarotError(
        ErrorKind.DATABASE, f"postgres {code or type(exc).__name__}: {first_line}{hint}", retryable=retryable
    )


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except TarotError:
        raise
    except (psycopg.Error, PoolTimeout, PoolClosed) as exc:
        raise database_error(exc) from exc


# ---------------------------------------------------------------------------------------------------
# jsonb ↔ attrs: this adapter's own converter (the domain never sees cattrs)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(datetime, lambda d: d.isoformat())
    conv.register_structure_hook(
        datetime, lambda v, _: v if isinstance(v, datetime) else datetime.fromisoformat(v)
    )
    return conv


_json = _make_converter()


def _jsonb(value: object) -> Jsonb:
    return Jsonb(_json.unstructure(value))


# ---------------------------------------------------------------------------------------------------
# Row mapping

_TRANSFER_COLUMNS = (
    "id, debit, credit, amount, requested, kind, reference, state,"
    " created_at, expires_at, resolved_at, balancing"
)


def _transfer(row: DictRow) -> Transfer:
    return Transfer(
        id=row["id"],
        debit=row["debit"],
        credit=row["credit"],
        amount=row["amount"],
        requested=row["requested"],
        kind=TransferKind(row["kind"]),
        reference=row["reference"],
        state=TransferState(row["state"]),
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        resolved_at=row["resolved_at"],
        balancing=row["balancing"],
    )


def _balance(row: DictRow) -> Balance:
    return Balance(row["account"], row["posted"], row["pending_out"], row["pending_in"])


def _user(row: DictRow) -> User:
    return User(
        id=row["id"],
        external_ref=row["external_ref"],
        preferences=Preferences(language=row["language"], deck_id=row["deck_id"], reversals=row["reversals"]),
        created_at=row["created_at"],
        last_seen_at=row["last_seen_at"],
        active=row["active"],
        tier_id=row["tier_id"],
        tier_until=row["tier_until"],
        purchases_frozen=row["purchases_frozen"],
        display_name=row["display_name"],
        reminders=row["reminders"],
    )


def _user_params(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "external_ref": user.external_ref,
        "language": user.preferences.language,
        "deck_id": user.preferences.deck_id,
        "reversals": user.preferences.reversals,
        "active": user.active,
        "tier_id": user.tier_id,
        "tier_until": user.tier_until,
        "purchases_frozen": user.purchases_frozen,
        "display_name": user.display_name,
        "created_at": user.created_at,
        "last_seen_at": user.last_seen_at,
        "reminders": user.reminders,
    }


def _follow_up(item: dict[str, Any]) -> FollowUp:
    return FollowUp(
        question=item["question"],
        interpretation=Interpretation(
            text=item["text"],
            interpreter=item["interpreter"],
            model=item["model"],
            prompt_tokens=item["prompt_tokens"],
            completion_tokens=item["completion_tokens"],
            cached=item["cached"],
        ),
        created_at=_json.structure(item["created_at"], datetime),
        cost=item["cost"],
        hold_id=item["hold_id"],
    )


def _reading(row: DictRow) -> Reading:
    return Reading(
        id=row["id"],
        user_id=row["user_id"],
        idempotency_key=row["idempotency_key"],
        spread_id=row["spread_id"],
        deck_id=row["deck_id"],
        language=row["language"],
        question=row["question"],
        cards=_json.structure(row["cards"], tuple[DrawnCard, ...]),
        interpretation=Interpretation(
            text=row["interpretation"],
            interpreter=row["interpreter"],
            model=row["model"],
            prompt_tokens=row["prompt_tokens"],
            completion_tokens=row["completion_tokens"],
            cached=row["cached"],
        ),
        created_at=row["created_at"],
        answers=_json.structure(row["answers"], tuple[QuestionnaireAnswer, ...]),
        cost=row["cost"],
        hold_id=row["hold_id"],
        fallback=row["fallback"],
        follow_ups=tuple(_follow_up(f) for f in row["follow_ups"]),
    )


def _payment(row: DictRow) -> Payment:
    return Payment(
        version=row["version"],
        granted=row["granted"],
        taken=row["taken"],
        restored=row["restored"],
        disputes=_json.structure(row["disputes"], tuple[Dispute, ...]),
        flag=row["flag"],
        period_end=row["period_end"],
        refund_request=row["refund_request"],
        id=row["id"],
        provider=row["provider"],
        user_id=row["user_id"],
        product_id=row["product_id"],
        amount=row["amount"],
        currency=row["currency"],
        credits=row["credits"],
        status=PaymentStatus(row["status"]),
        created_at=row["created_at"],
        provider_ref=row["provider_ref"],
        refunded_amount=row["refunded_amount"],
        history=_json.structure(row["history"], tuple[StatusChange, ...]),
    )


# ---------------------------------------------------------------------------------------------------
# One connection, errors translated


_WRITES = re.compile(r"\b(INSERT|UPDATE|DELETE|FOR\s+(NO\s+KEY\s+)?(UPDATE|SHARE))\b", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def _writes(query: str) -> bool:
    """Whether a statement writes or locks rows, so it must run inside the unit of work's transaction."""
    return _WRITES.search(query) is not None


def _interrupted() -> TarotError:
    return TarotError(
        ErrorKind.DATABASE, "interrupted: a statement sent with this one was cancelled", retryable=True
    )


@define
class _Result:
    rows: list[DictRow]
    rowcount: int


@define
class _Call:
    query: str
    params: Sequence[Any] | dict[str, Any] | None
    done: asyncio.Future[_Result]


class _Db:
    """One connection (autocommit), errors translated, round trips saved two ways.

    - The transaction starts lazily: reads before the unit of work's first write or row lock run as
      single statements outside it (under READ COMMITTED every statement takes its own snapshot
      anyway, inside a transaction or not), and `BEGIN` travels with the first write. A unit of work
      that only reads sends no BEGIN, COMMIT or ROLLBACK at all.
    - Statements issued together (`asyncio.gather` in a use case) travel together, executed in the
      order they were issued.
    Travelling together is one simple-protocol message of several statements, bound client-side (one
    round trip). Not libpq's pipeline mode: psycopg ends a pipeline with a flush request, after which
    the server no longer arms idle_in_transaction_session_timeout for the open transaction.
    """

    def __init__(self, conn: Conn) -> None:
        self.conn = conn
        self._queue: list[_Call] = []
        self._sending = asyncio.Lock()

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != TransactionStatus.IDLE

    async def _result(self, query: str, params: Sequence[Any] | dict[str, Any] | None) -> _Result:
        call = _Call(query, params, asyncio.get_running_loop().create_future())
        self._queue.append(call)
        await asyncio.sleep(0)  # statements issued alongside this one travel with it
        async with self._sending:
            if not call.done.done():
                batch, self._queue = self._queue, []
                try:
                    await self._send(batch)
                except BaseException:  # cancelled mid-send: the others sent with it must not wait forever
                    for other in batch:
                        if other is not call and not other.done.done():
                            other.done.set_exception(_interrupted())
                    raise
        return call.done.result()

    async def _send(self, batch: list[_Call]) -> None:
        begin = not self.in_transaction and any(_writes(c.query) for c in batch)
        try:
            with _translated():
                results = await (
                    self._together(batch, begin) if begin or len(batch) > 1 else self._alone(batch[0])
                )
        except TarotError as error:
            for call in batch:
                if not call.done.done():
                    call.done.set_exception(error)
            return
        for call, result in zip(batch, results, strict=True):
            call.done.set_result(result)

    async def _alone(self, call: _Call) -> list[_Result]:
        cur = await self.conn.execute(call.query, call.params)
        return [_Result(await cur.fetchall() if cur.description else [], cur.rowcount)]

    async def _together(self, batch: list[_Call], begin: bool) -> list[_Result]:
        cur = psycopg.AsyncClientCursor(self.conn, row_factory=dict_row)
        statements = [cur.mogrify(c.query, c.params) for c in batch]
        await cur.execute(";\n".join(["BEGIN", *statements] if begin else statements))
        results = []
        if begin:
            cur.nextset()
        for _ in batch:
            results.append(_Result(await cur.fetchall() if cur.description else [], cur.rowcount))
            cur.nextset()
        return results

    async def one(self, query: str, params: Sequence[Any] | dict[str, Any] | None = None) -> DictRow | None:
        rows = (await self._result(query, params)).rows
        return rows[0] if rows else None

    async def all(self, query: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[DictRow]:
        return (await self._result(query, params)).rows

    async def run(self, query: str, params: Sequence[Any] | dict[str, Any] | None = None) -> int:
        return (await self._result(query, params)).rowcount


# ---------------------------------------------------------------------------------------------------
# Users

_USER_COLUMNS = (
    "id, external_ref, language, deck_id, reversals, active, tier_id, tier_until, purchases_frozen, "
    "display_name, created_at, last_seen_at, reminders"
)


async def _update_guarded(
    db: _Db, query: str, params: dict[str, Any], *, table: str, row_id: str, taken: str
) -> None:
    """An UPDATE whose NOT EXISTS guard turns a taken unique reference into "no row updated" instead of
    a unique violation (which would abort the transaction); the unique index still decides a true race.
    No row: NOT_FOUND when the id is unknown, else CONFLICT (`taken`)."""
    try:
        row = await db.one(query, params)
    except TarotError as exc:
        if isinstance(exc.__cause__, pg_errors.UniqueViolation):
            raise conflict(taken) from exc
        raise
    if row is None:
        if await db.one(f"SELECT 1 FROM {table} WHERE id = %s", (row_id,)) is None:
            raise not_found(f"no {table[:-1]} {row_id}")
        raise conflict(taken)


class PostgresUserRepository:
    def __init__(self, db: _Db) -> None:
        self._db = db

    async def add(self, user: User) -> None:
        # ON CONFLICT (any unique key) keeps the transaction usable, unlike a caught unique violation.
        row = await self._db.one(
            f"INSERT INTO users ({_USER_COLUMNS}) VALUES (%(id)s, %(external_ref)s, %(language)s,"
            " %(deck_id)s,"
            " %(reversals)s, %(active)s, %(tier_id)s, %(tier_until)s, %(purchases_frozen)s, %(display_name)s,"
            " %(created_at)s, %(last_seen_at)s, %(reminders)s) ON CONFLICT DO NOTHING RETURNING id",
            _user_params(user),
        )
        if row is None:
            raise conflict(f"user {user.id} or {user.external_ref} exists")

    async def get(self, user_id: str) -> User | None:
        row = await self._db.one(f"SELECT {_USER_COLUMNS} FROM users WHERE id = %s", (user_id,))
        return None if row is None else _user(row)

    async def get_by_ref(self, external_ref: str) -> User | None:
        row = await self._db.one(
            f"SELECT {_USER_COLUMNS} FROM users WHERE external_ref = %s", (external_ref,)
        )
        return None if row is None else _user(row)

    async def update(self, user: User) -> None:
        await _update_guarded(
            self._db,
            "UPDATE users SET external_ref = %(external_ref)s, language = %(language)s,"
            " deck_id = %(deck_id)s, reversals = %(reversals)s, active = %(active)s, tier_id ="
            " %(tier_id)s,"
            " tier_until = %(tier_until)s, purchases_frozen = %(purchases_frozen)s,"
            " display_name = %(display_name)s, created_at = %(created_at)s, last_seen_at ="
            " %(last_seen_at)s, reminders = %(reminders)s"
            " WHERE id = %(id)s AND (%(external_ref)s::text IS NULL OR NOT EXISTS"
            " (SELECT FROM users o WHERE o.external_ref = %(external_ref)s AND o.id <> %(id)s))"
            " RETURNING id",
            _user_params(user),
            table="users",
            row_id=user.id,
            taken=f"user ref {user.external_ref} exists",
        )

    async def count(self) -> int:
        row = await self._db.one("SELECT count(*) AS n FROM users")
        return 0 if row is None else int(row["n"])

    async def list_tier_ending(self, start: datetime, end: datetime, limit: int = 500) -> list[User]:
        rows = await self._db.all(
            f"SELECT {_USER_COLUMNS} FROM users WHERE active AND reminders AND tier_id IS NOT NULL"
            " AND tier_until >= %s AND tier_until < %s ORDER BY tier_until, id LIMIT %s",
            (start, end, max(limit, 0)),
        )
        return [_user(r) for r in rows]


# ---------------------------------------------------------------------------------------------------
# Ledger

_CLAIM = f"""
WITH t AS (
    INSERT INTO transfers ({_TRANSFER_COLUMNS}, slot)
    VALUES (%(id)s, %(debit)s, %(credit)s, %(amount)s, %(requested)s, %(kind)s, %(reference)s, %(state)s,
            %(created_at)s, %(expires_at)s, NULL, %(balancing)s, %(slot)s)
    ON CONFLICT (id) DO NOTHING
    RETURNING id
)"""

# A user pays: the debit row moves only if the user can afford it; the credit row follows the debit.
_SUBMIT_GUARDED = (
    _CLAIM
    + """,
d AS (
    UPDATE balances SET posted = posted + %(d_posted)s, pending_out = pending_out + %(d_pending_out)s
    WHERE account = %(debit)s AND slot = 0 AND posted - pending_out >= %(amount)s AND EXISTS (SELECT FROM t)
    RETURNING account
),
c AS (
    INSERT INTO balances AS b (account, slot, posted, pending_in)
    SELECT %(credit)s, %(c_slot)s, %(c_posted)s, %(c_pending_in)s FROM d
    ON CONFLICT (account, slot) DO UPDATE
        SET posted = b.posted + excluded.posted, pending_in = b.pending_in + excluded.pending_in
    RETURNING account
)
SELECT (SELECT count(*) FROM t) AS claimed, (SELECT count(*) FROM c) AS moved"""
)

# A system account pays (it may go negative: issuance is where credits come from).
_SUBMIT_UNGUARDED = (
    _CLAIM
    + """,
c AS (
    INSERT INTO balances AS b (account, slot, posted, pending_out, pending_in)
    SELECT v.account, v.slot, v.posted, v.pending_out, v.pending_in
    FROM unnest(%(accounts)s::text[], %(slots)s::smallint[], %(posted)s::bigint[],
                %(pending_out)s::bigint[], %(pending_in)s::bigint[])
         WITH ORDINALITY AS v(account, slot, posted, pending_out, pending_in, ord)
    WHERE EXISTS (SELECT FROM t)
    ORDER BY v.ord
    ON CONFLICT (account, slot) DO UPDATE
        SET posted = b.posted + excluded.posted, pending_out = b.pending_out + excluded.pending_out,
            pending_in = b.pending_in + excluded.pending_in
    RETURNING account
)
SELECT (SELECT count(*) FROM t) AS claimed, (SELECT count(*) FROM c) AS moved"""
)

# A hold leaves pending: posted settles it, voided/expired releases it. The `locked` step takes the
# balance rows in the global order (and is fully read before `s` writes), so the join order Postgres
# picks for the UPDATE cannot decide the lock order. (An upsert would not do: Postgres checks CHECK
# constraints on the proposed row, and a release proposes negative pending amounts.)
_SETTLE = f"""
WITH t AS (
    UPDATE transfers SET state = %(target)s, resolved_at = %(now)s
    WHERE state = 'pending' AND {{where}}
    RETURNING seq, slot, {_TRANSFER_COLUMNS}
),
moves AS (
    SELECT debit AS account, CASE WHEN left(debit, 5) = 'user:' THEN 0 ELSE slot END AS slot,
           CASE WHEN %(posts)s THEN -amount ELSE 0 END AS posted, amount AS out, 0 AS inn
    FROM t
    UNION ALL
    SELECT credit, CASE WHEN left(credit, 5) = 'user:' THEN 0 ELSE slot END,
           CASE WHEN %(posts)s THEN amount ELSE 0 END, 0, amount FROM t
),
net AS (
    SELECT account, slot, sum(posted)::bigint AS posted, sum(out)::bigint AS out, sum(inn)::bigint AS inn
    FROM moves GROUP BY account, slot
),
locked AS (
    SELECT count(*) AS n FROM (
        SELECT account FROM balances WHERE (account, slot) IN (SELECT account, slot FROM net)
        ORDER BY left(account, 5) <> 'user:', account, slot
        FOR UPDATE
    ) l
),
s AS (
    UPDATE balances b
    SET posted = b.posted + n.posted, pending_out = b.pending_out - n.out, pending_in = b.pending_in - n.inn
    FROM net n, locked
    WHERE b.account = n.account AND b.slot = n.slot
)
SELECT t.* FROM t ORDER BY t.seq"""

_POST_ONE = _SETTLE.format(where="id = %(id)s AND expires_at > %(now)s")
_VOID_ONE = _SETTLE.format(where="id = %(id)s")
_EXPIRE_DUE = _SETTLE.format(where="expires_at <= %(now)s")


def _lock_order(account: str) -> tuple[bool, str]:
    """User rows first, then system rows: every statement locks balances in this order (a transfer
    touches one slot per account, so the slot never decides the order within a statement)."""
    return (not is_user_account(account), account)


# A system account's balance is spread over this many rows (migration 0004), so concurrent readings
# crediting revenue:readings rarely wait for each other's row lock.
BALANCE_SLOTS = 16


def _slot_of(transfer_id: str) -> int:
    """The slot a transfer moves on (its system side): spread by its id, stable across retries."""
    return zlib.crc32(transfer_id.encode()) % BALANCE_SLOTS


def _account_slot(account: str, slot: int) -> int:
    return 0 if is_user_account(account) else slot


class PostgresLedgerRepository:
    def __init__(self, db: _Db) -> None:
        self._db = db

    async def submit(self, request: TransferRequest, now: datetime) -> Transfer:
        if request.balancing:  # LedgerBook replays first, then refuses
            existing = await self.get(request.id)
            if existing is not None:
                return replay_or_conflict(existing, request)
            raise validation("use clawback() for balancing transfers")
        return await self._record(request, new_transfer(request, request.amount, now))

    async def clawback(self, request: TransferRequest, now: datetime) -> ClawbackResult:
        if not request.balancing:
            raise validation("a claw-back must be a balancing transfer")
        amount = request.amount
        if is_user_account(request.debit):
            # Lock the row so the amount we compute is the amount we take. A claw-back that finds
            # nothing is still recorded (amount 0), so its balance row must exist for the guarded path.
            row = await self._db.one(
                "SELECT posted - pending_out AS available FROM balances WHERE account = %s FOR UPDATE",
                (request.debit,),
            )
            if row is None:
                await self._db.run(
                    "INSERT INTO balances (account) VALUES (%s) ON CONFLICT DO NOTHING", (request.debit,)
                )
            amount = max(0, min(amount, 0 if row is None else int(row["available"])))
        transfer = await self._record(request, new_transfer(request, amount, now))
        return ClawbackResult(transfer, request.amount)

    async def _record(self, request: TransferRequest, transfer: Transfer) -> Transfer:
        params: dict[str, Any] = {
            "id": transfer.id,
            "debit": transfer.debit,
            "credit": transfer.credit,
            "amount": transfer.amount,
            "requested": transfer.requested,
            "kind": transfer.kind.value,
            "reference": transfer.reference,
            "state": transfer.state.value,
            "created_at": transfer.created_at,
            "expires_at": transfer.expires_at,
            "balancing": transfer.balancing,
            "slot": _slot_of(transfer.id),
        }
        held = transfer.pending
        amount = transfer.amount
        debit = (0, amount, 0) if held else (-amount, 0, 0)  # (posted, pending_out, pending_in)
        credit = (0, 0, amount) if held else (amount, 0, 0)
        if is_user_account(transfer.debit):
            params.update(
                d_posted=debit[0],
                d_pending_out=debit[1],
                c_slot=_account_slot(transfer.credit, params["slot"]),
                c_posted=credit[0],
                c_pending_in=credit[2],
            )
            query = _SUBMIT_GUARDED
        else:
            moves = sorted(
                [(transfer.debit, debit), (transfer.credit, credit)], key=lambda m: _lock_order(m[0])
            )
            params.update(
                accounts=[a for a, _ in moves],
                slots=[_account_slot(a, params["slot"]) for a, _ in moves],
                posted=[d[0] for _, d in moves],
                pending_out=[d[1] for _, d in moves],
                pending_in=[d[2] for _, d in moves],
            )
            query = _SUBMIT_UNGUARDED
        row = await self._db.one(query, params)
        assert row is not None  # a bare SELECT always returns its row
        if not row["claimed"]:
            existing = await self.get(request.id)
            if existing is None:  # the holder of the id rolled back between our statements
                raise TarotError(ErrorKind.DATABASE, f"transfer {request.id!r} raced; retry", retryable=True)
            return replay_or_conflict(existing, request)
        if not row["moved"]:
            # Refused: take back our own uncommitted row so nothing changes, and say how much there is.
            left = await self._db.one(
                "WITH gone AS (DELETE FROM transfers WHERE id = %s)"
                " SELECT coalesce((SELECT posted - pending_out FROM balances WHERE account = %s),"
                " 0) AS available",
                (transfer.id, transfer.debit),
            )
            available = 0 if left is None else int(left["available"])
            raise insufficient_credits(needed=transfer.amount, available=max(available, 0))
        return transfer

    async def post(self, transfer_id: str, now: datetime) -> Transfer:
        return await self._settle_one(_POST_ONE, transfer_id, TransferState.POSTED, now)

    async def void(self, transfer_id: str, now: datetime) -> Transfer:
        return await self._settle_one(_VOID_ONE, transfer_id, TransferState.VOIDED, now)

    async def _settle_one(
        self, query: str, transfer_id: str, target: TransferState, now: datetime
    ) -> Transfer:
        params = {
            "id": transfer_id,
            "now": now,
            "target": target.value,
            "posts": target is TransferState.POSTED,
        }
        row = await self._db.one(query, params)
        if row is not None:
            return _transfer(row)
        # Nothing moved: let the domain's state machine say why (replay, conflict, expired, not found).
        current = await self.get(transfer_id)
        if current is None:
            raise not_found(f"no transfer {transfer_id!r}")
        outcome = resolve(current, target, now)
        if outcome is not current:  # still pending and allowed: it changed under us; rare
            raise TarotError(ErrorKind.DATABASE, f"transfer {transfer_id!r} raced; retry", retryable=True)
        return outcome

    async def expire_due(self, now: datetime) -> list[Transfer]:
        rows = await self._db.all(
            _EXPIRE_DUE, {"now": now, "target": TransferState.EXPIRED.value, "posts": False}
        )
        return [_transfer(r) for r in rows]

    async def get(self, transfer_id: str) -> Transfer | None:
        row = await self._db.one(f"SELECT {_TRANSFER_COLUMNS} FROM transfers WHERE id = %s", (transfer_id,))
        return None if row is None else _transfer(row)

    async def balance(self, account: str) -> Balance:
        row = await self._db.one(
            "SELECT account, sum(posted)::bigint AS posted, sum(pending_out)::bigint AS pending_out,"
            " sum(pending_in)::bigint AS pending_in FROM balances WHERE account = %s GROUP BY account",
            (account,),
        )
        return Balance(account) if row is None else _balance(row)

    async def balances(self) -> list[Balance]:
        rows = await self._db.all(
            "SELECT account, sum(posted)::bigint AS posted, sum(pending_out)::bigint AS pending_out,"
            " sum(pending_in)::bigint AS pending_in FROM balances GROUP BY account ORDER BY account"
        )
        return [_balance(r) for r in rows]

    async def pending(self) -> list[Transfer]:
        rows = await self._db.all(
            f"SELECT {_TRANSFER_COLUMNS} FROM transfers WHERE state = 'pending' ORDER BY seq"
        )
        return [_transfer(r) for r in rows]

    async def history(self, account: str, limit: int = 50, offset: int = 0) -> list[Transfer]:
        # Two index range scans merged, instead of one OR that would read every row of a hot account.
        rows = await self._db.all(
            f"SELECT {_TRANSFER_COLUMNS} FROM ("
            f" (SELECT seq, {_TRANSFER_COLUMNS} FROM transfers WHERE debit = %(a)s ORDER BY seq"
            " DESC LIMIT %(n)s)"
            " UNION ALL"
            f" (SELECT seq, {_TRANSFER_COLUMNS} FROM transfers WHERE credit = %(a)s ORDER BY seq"
            " DESC LIMIT %(n)s)"
            ") h ORDER BY seq DESC LIMIT %(limit)s OFFSET %(offset)s",
            {
                "a": account,
                "n": max(limit, 0) + max(offset, 0),
                "limit": max(limit, 0),
                "offset": max(offset, 0),
            },
        )
        return [_transfer(r) for r in rows]


# ---------------------------------------------------------------------------------------------------
# Readings

_READING_COLUMNS = (
    "id, user_id, idempotency_key, spread_id, deck_id, language, question, answers, cards, interpretation,"
    " interpreter, model, prompt_tokens, completion_tokens, cached, cost, hold_id, fallback, created_at"
)
_READING_SELECT = (
    "SELECT r.id, r.user_id, r.idempotency_key, r.spread_id, r.deck_id, r.language, r.question, r.answers,"
    " r.cards, r.interpretation, r.interpreter, r.model, r.prompt_tokens, r.completion_tokens, r.cached,"
    " r.cost, r.hold_id, r.fallback, r.created_at,"
    " (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.seq), '[]'::jsonb)"
    "  FROM follow_ups f WHERE f.reading_id = r.id) AS follow_ups"
    " FROM readings r"
)
_FOLLOW_UP_INSERT = (
    "INSERT INTO follow_ups (reading_id, seq, question, text, interpreter, model, prompt_tokens,"
    " completion_tokens, cached, cost, hold_id, created_at)"
    " SELECT %(reading_id)s, coalesce(max(seq), 0) + 1, %(question)s, %(text)s, %(interpreter)s, %(model)s,"
    " %(prompt_tokens)s, %(completion_tokens)s, %(cached)s, %(cost)s, %(hold_id)s, %(created_at)s"
    " FROM follow_ups WHERE reading_id = %(reading_id)s"
)


# The oldest readings still holding text, found through the partial index `readings_unpurged`
# (migration 0004) so a batch never walks the rows earlier runs blanked; plus old readings whose only
# text left is a follow-up's (found through `follow_ups_unpurged`). The UPDATE locks only the batch.
_PURGE = """
WITH todo AS (
    SELECT id FROM (
        (SELECT id, created_at FROM readings
         WHERE created_at < %(cutoff)s AND (question <> '' OR interpretation <> '' OR answers <> '[]'::jsonb)
         ORDER BY created_at, id LIMIT %(limit)s)
        UNION
        (SELECT r.id, r.created_at FROM follow_ups f JOIN readings r ON r.id = f.reading_id
         WHERE r.created_at < %(cutoff)s AND (f.question <> '' OR f.text <> '')
         ORDER BY r.created_at, r.id LIMIT %(limit)s)
    ) u ORDER BY created_at, id LIMIT %(limit)s
),
r AS (
    UPDATE readings SET question = '', answers = '[]'::jsonb, interpretation = ''
    WHERE id IN (SELECT id FROM todo)
    RETURNING id
),
f AS (
    UPDATE follow_ups SET question = '', text = ''
    WHERE reading_id IN (SELECT id FROM r) AND (question <> '' OR text <> '')
)
SELECT count(*) AS n FROM r"""


def _follow_up_params(reading_id: str, f: FollowUp) -> dict[str, Any]:
    i = f.interpretation
    return {
        "reading_id": reading_id,
        "question": f.question,
        "text": i.text,
        "interpreter": i.interpreter,
        "model": i.model,
        "prompt_tokens": i.prompt_tokens,
        "completion_tokens": i.completion_tokens,
        "cached": i.cached,
        "cost": f.cost,
        "hold_id": f.hold_id,
        "created_at": f.created_at,
    }


class PostgresReadingRepository:
    def __init__(self, db: _Db) -> None:
        self._db = db

    async def add(self, reading: Reading) -> None:
        i = reading.interpretation
        row = await self._db.one(
            f"INSERT INTO readings ({_READING_COLUMNS}) VALUES (%(id)s, %(user_id)s, %(key)s, %(spread_id)s,"
            " %(deck_id)s, %(language)s, %(question)s, %(answers)s, %(cards)s, %(text)s, %(interpreter)s,"
            " %(model)s, %(prompt_tokens)s, %(completion_tokens)s, %(cached)s, %(cost)s, %(hold_id)s,"
            " %(fallback)s, %(created_at)s) ON CONFLICT DO NOTHING RETURNING id",
            {
                "id": reading.id,
                "user_id": reading.user_id,
                "key": reading.idempotency_key,
                "spread_id": reading.spread_id,
                "deck_id": reading.deck_id,
                "language": reading.language,
                "question": reading.question,
                "answers": _jsonb(reading.answers),
                "cards": _jsonb(reading.cards),
                "text": i.text,
                "interpreter": i.interpreter,
                "model": i.model,
                "prompt_tokens": i.prompt_tokens,
                "completion_tokens": i.completion_tokens,
                "cached": i.cached,
                "cost": reading.cost,
                "hold_id": reading.hold_id,
                "fallback": reading.fallback,
                "created_at": reading.created_at,
            },
        )
        if row is None:
            raise conflict(f"reading {reading.id} exists")
        for f in reading.follow_ups:
            await self._db.run(_FOLLOW_UP_INSERT, _follow_up_params(reading.id, f))

    async def get(self, reading_id: str) -> Reading | None:
        row = await self._db.one(f"{_READING_SELECT} WHERE r.id = %s", (reading_id,))
        return None if row is None else _reading(row)

    async def get_by_key(self, user_id: str, idempotency_key: str) -> Reading | None:
        row = await self._db.one(
            f"{_READING_SELECT} WHERE r.user_id = %s AND r.idempotency_key = %s", (user_id, idempotency_key)
        )
        return None if row is None else _reading(row)

    async def list_for_user(
        self, user_id: str, limit: int = 10, offset: int = 0, *, before: tuple[datetime, str] | None = None
    ) -> list[Reading]:
        where, params = "WHERE r.user_id = %s", list[object]([user_id])
        if before is not None:
            where += " AND (r.created_at, r.id) < (%s, %s)"
            params += [before[0], before[1]]
        rows = await self._db.all(
            f"{_READING_SELECT} {where} ORDER BY r.created_at DESC, r.id DESC LIMIT %s OFFSET %s",
            (*params, max(limit, 0), max(offset, 0)),
        )
        return [_reading(r) for r in rows]

    async def count_for_user(self, user_id: str) -> int:
        row = await self._db.one("SELECT count(*) AS n FROM readings WHERE user_id = %s", (user_id,))
        return 0 if row is None else int(row["n"])

    async def add_follow_up(self, reading_id: str, follow_up: FollowUp) -> None:
        # Lock the reading, then number the follow-up in a new statement that sees every committed one.
        if (
            await self._db.one("SELECT 1 FROM readings WHERE id = %s FOR NO KEY UPDATE", (reading_id,))
            is None
        ):
            raise not_found(f"no reading {reading_id}")
        await self._db.run(_FOLLOW_UP_INSERT, _follow_up_params(reading_id, follow_up))

    async def erase_for_user(self, user_id: str) -> int:
        row = await self._db.one(
            "WITH r AS (UPDATE readings SET question = '', answers = '[]'::jsonb, interpretation = ''"
            "           WHERE user_id = %s RETURNING id),"
            " f AS (UPDATE follow_ups SET question = '', text = ''"
            "       WHERE reading_id IN (SELECT id FROM r) AND (question <> '' OR text <> ''))"
            " SELECT count(*) AS n FROM r",
            (user_id,),
        )
        return 0 if row is None else int(row["n"])

    async def purge_older_than(self, cutoff: datetime, limit: int | None = None) -> int:
        row = await self._db.one(
            _PURGE, {"cutoff": cutoff, "limit": None if limit is None else max(limit, 0)}
        )
        return 0 if row is None else int(row["n"])

    async def hold_ids(self) -> set[str]:
        rows = await self._db.all(
            "SELECT hold_id FROM readings WHERE hold_id <> ''"
            " UNION SELECT hold_id FROM follow_ups WHERE hold_id <> ''"
        )
        return {r["hold_id"] for r in rows}


# ---------------------------------------------------------------------------------------------------
# Payments and processed events

_PAYMENT_SELECT = (
    "SELECT p.id, p.provider, p.provider_ref, p.user_id, p.product_id, p.amount, p.currency, p.credits,"
    " p.status, p.refunded_amount, p.created_at, p.version, p.granted, p.taken, p.restored, p.disputes,"
    " p.flag, p.period_end, p.refund_request,"
    " (SELECT coalesce(jsonb_agg(jsonb_build_object('status', h.status, 'at', h.at, 'note', h.note)"
    "  ORDER BY h.seq), '[]'::jsonb) FROM payment_status_history h WHERE h.payment_id = p.id) AS history"
    " FROM payments p"
)
_PAYMENT_COLUMNS = (
    "id, provider, provider_ref, user_id, product_id, amount, currency, credits, status, refunded_amount,"
    " created_at, version, granted, taken, restored, withdrawn, disputes, flag, period_end, refund_request"
)
_PAYMENT_VALUES = ", ".join(f"%({c.strip()})s" for c in _PAYMENT_COLUMNS.split(","))
AUDIT_WORK_MEM = "128MB"
_FIGURES = figures_statement(day="%(day)s", week="%(week)s")
_AUDIT = audit_statement(now="%(now)s", limit="%(limit)s", collate='COLLATE "C"')
_HISTORY_APPEND = (
    "INSERT INTO payment_status_history (payment_id, seq, status, at, note)"
    " SELECT %(id)s, coalesce(max(seq), 0) + 1, %(status)s, %(at)s, %(note)s"
    " FROM payment_status_history WHERE payment_id = %(id)s"
)


def _payment_params(p: Payment) -> dict[str, Any]:
    return {
        "id": p.id,
        "provider": p.provider,
        "provider_ref": p.provider_ref,
        "user_id": p.user_id,
        "product_id": p.product_id,
        "amount": p.amount,
        "currency": p.currency,
        "credits": p.credits,
        "status": p.status.value,
        "refunded_amount": p.refunded_amount,
        "created_at": p.created_at,
        "version": p.version,
        "granted": p.granted,
        "taken": p.taken,
        "restored": p.restored,
        "withdrawn": p.withdrawn,
        "disputes": _jsonb(p.disputes),
        "flag": p.flag,
        "period_end": p.period_end,
        "refund_request": p.refund_request,
    }


class PostgresPaymentRepository:
    def __init__(self, db: _Db) -> None:
        self._db = db

    async def add(self, payment: Payment) -> None:
        row = await self._db.one(
            f"INSERT INTO payments ({_PAYMENT_COLUMNS}) VALUES ({_PAYMENT_VALUES})"
            " ON CONFLICT DO NOTHING RETURNING id",
            _payment_params(payment),
        )
        if row is None:
            raise conflict(f"payment {payment.id} or {payment.provider}:{payment.provider_ref} exists")
        for change in payment.history:
            await self._append(payment.id, change)

    async def _append(self, payment_id: str, change: StatusChange) -> None:
        await self._db.run(
            _HISTORY_APPEND,
            {"id": payment_id, "status": change.status.value, "at": change.at, "note": change.note},
        )

    async def get(self, payment_id: str) -> Payment | None:
        row = await self._db.one(f"{_PAYMENT_SELECT} WHERE p.id = %s", (payment_id,))
        return None if row is None else _payment(row)

    async def get_by_provider_ref(self, provider: str, provider_ref: str) -> Payment | None:
        row = await self._db.one(
            f"{_PAYMENT_SELECT} WHERE p.provider = %s AND p.provider_ref = %s", (provider, provider_ref)
        )
        return None if row is None else _payment(row)

    async def update(self, payment: Payment, change: StatusChange | None = None) -> Payment:
        # The version guard is in the WHERE clause: a concurrent change holds the row's lock, and
        # Postgres re-checks the guard on the row it committed, so the stale writer updates nothing.
        row = await self._db.one(
            "UPDATE payments SET provider = %(provider)s, provider_ref = %(provider_ref)s,"
            " user_id = %(user_id)s, product_id = %(product_id)s, amount = %(amount)s,"
            " currency = %(currency)s, credits = %(credits)s, status = %(status)s,"
            " refunded_amount = %(refunded_amount)s, created_at = %(created_at)s,"
            " version = version + 1, granted = %(granted)s, taken = %(taken)s, restored = %(restored)s,"
            " withdrawn = %(withdrawn)s, disputes = %(disputes)s, flag = %(flag)s,"
            " period_end = %(period_end)s, refund_request = %(refund_request)s"
            " WHERE id = %(id)s AND version = %(version)s AND (%(provider_ref)s::text IS NULL OR NOT EXISTS"
            " (SELECT FROM payments o WHERE o.provider = %(provider)s AND o.provider_ref = %(provider_ref)s"
            "  AND o.id <> %(id)s))"
            " RETURNING id",
            _payment_params(payment),
        )
        if row is None:
            found = await self._db.one("SELECT version FROM payments WHERE id = %s", (payment.id,))
            if found is None:
                raise not_found(f"no payment {payment.id}")
            if found["version"] != payment.version:
                raise TarotError(
                    ErrorKind.DATABASE,
                    f"payment {payment.id} changed since version {payment.version}; retry",
                    retryable=True,
                )
            raise conflict(f"payment {payment.provider}:{payment.provider_ref} exists")
        if change is not None:
            await self._append(payment.id, change)
        history = (*payment.history, change) if change is not None else payment.history
        return evolve(payment, version=payment.version + 1, history=history)

    async def list_for_user(self, user_id: str, limit: int = 50) -> list[Payment]:
        rows = await self._db.all(
            f"{_PAYMENT_SELECT} WHERE p.user_id = %s ORDER BY p.created_at DESC, p.id DESC LIMIT %s",
            (user_id, max(limit, 0)),
        )
        return [_payment(r) for r in rows]

    async def list_flagged(self, limit: int = 100) -> list[Payment]:
        rows = await self._db.all(
            f"{_PAYMENT_SELECT} WHERE p.flag IS NOT NULL ORDER BY p.created_at, p.id LIMIT %s",
            (max(limit, 0),),
        )
        return [_payment(r) for r in rows]

    async def list_refund_requests(self, limit: int = 100) -> list[Payment]:
        rows = await self._db.all(
            f"{_PAYMENT_SELECT} WHERE p.refund_request IS NOT NULL ORDER BY p.created_at, p.id LIMIT %s",
            (max(limit, 0),),
        )
        return [_payment(r) for r in rows]


class PostgresAuditRepository:
    def __init__(self, db: _Db) -> None:
        self._db = db

    async def audit(self, now: datetime, limit: int = DEFAULT_LIMIT) -> AuditReport:
        # Sent together, so they share one implicit transaction and its settings: the hash joins and
        # aggregates over the whole ledger get memory enough not to spill to disk, and no JIT (at 1M
        # transfers compiling the statement took longer than running it).
        _, rows, counts = await asyncio.gather(
            self._db.one(
                "SELECT set_config('work_mem', %s, true), set_config('jit', 'off', true)", (AUDIT_WORK_MEM,)
            ),
            self._db.all(_AUDIT, {"now": now, "limit": max(limit, 0) + 1}),
            self._db.one(COUNTS),
        )
        assert counts is not None  # a bare SELECT always returns its row
        return audit_report(
            [tuple(r.values()) for r in rows], int(counts["accounts"]), int(counts["pending"]), limit
        )

    async def figures(self, day_start: datetime, week_start: datetime) -> Figures:
        row = await self._db.one(_FIGURES, {"day": day_start, "week": week_start})
        assert row is not None  # a bare SELECT always returns its row
        payments = await self._db.all(PAYMENT_COUNTS)
        return figures_of(tuple(row.values()), [tuple(r.values()) for r in payments])


class PostgresProcessedEventRepository:
    def __init__(self, db: _Db) -> None:
        self._db = db

    async def mark(self, provider: str, event_id: str, now: datetime) -> bool:
        row = await self._db.one(
            "INSERT INTO processed_events (provider, event_id, processed_at) VALUES (%s, %s, %s)"
            " ON CONFLICT DO NOTHING RETURNING 1 AS marked",
            (provider, event_id, now),
        )
        return row is not None


# ---------------------------------------------------------------------------------------------------
# Unit of work and store


class ConnectionSource(Protocol):
    """Where a unit of work borrows its connection: the pool, or a lane of `priority.PriorityGate`."""

    async def getconn(self) -> Conn: ...

    async def putconn(self, conn: Conn) -> None: ...


class PostgresUnitOfWork:
    users: PostgresUserRepository
    ledger: PostgresLedgerRepository
    readings: PostgresReadingRepository
    payments: PostgresPaymentRepository
    events: PostgresProcessedEventRepository
    audit: PostgresAuditRepository

    def __init__(self, pool: ConnectionSource) -> None:
        self._pool = pool
        self._conn: Conn | None = None

    async def __aenter__(self) -> Self:
        with _translated():
            self._conn = await self._pool.getconn()
        db = _Db(self._conn)
        self.users = PostgresUserRepository(db)
        self.ledger = PostgresLedgerRepository(db)
        self.readings = PostgresReadingRepository(db)
        self.payments = PostgresPaymentRepository(db)
        self.events = PostgresProcessedEventRepository(db)
        self.audit = PostgresAuditRepository(db)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if conn.info.transaction_status != TransactionStatus.IDLE:
                await conn.rollback()
        except psycopg.Error:
            pass  # a broken connection: the pool sees it and replaces it
        finally:
            _returned[conn] = time.monotonic()
            await self._pool.putconn(conn)

    async def commit(self) -> None:
        if self._conn is None:
            raise RuntimeError("commit outside the unit of work")
        with _translated():
            await self._conn.commit()


_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")


def create_pool(
    conninfo: str,
    *,
    schema: str | None = None,
    min_size: int = 1,
    max_size: int = 10,
    timeout: float = 10.0,
    idle_in_transaction_timeout: timedelta = DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT,
    check_after_idle: timedelta = DEFAULT_CHECK_AFTER_IDLE,
    name: str | None = "tarot",
) -> Pool:
    """A pool, not yet opened (`await pool.open()` or `async with pool`).

    Each connection is set up once: UTC session time zone (timestamps come back aware), an
    idle-in-transaction timeout so a stuck caller cannot hold row locks for long, and the schema.
    """
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise ValueError(f"schema name {schema!r} is not a plain identifier")
    settings: dict[str, str] = {
        "TimeZone": "UTC",
        "idle_in_transaction_session_timeout": str(int(idle_in_transaction_timeout.total_seconds() * 1000)),
    }

    async def configure(conn: Conn) -> None:
        values = dict(settings)
        if schema is not None:
            values["search_path"] = sql.Identifier(schema).as_string(conn)
        for key, value in values.items():
            await conn.execute("SELECT set_config(%s, %s, false)", (key, value))

    async def check(conn: Conn) -> None:
        returned = _returned.get(conn)
        if returned is not None and time.monotonic() - returned < check_after_idle.total_seconds():
            return
        await AsyncConnectionPool.check_connection(conn)

    return AsyncConnectionPool(
        conninfo,
        connection_class=psycopg.AsyncConnection[DictRow],
        kwargs={"row_factory": dict_row, "autocommit": True},  # _Db begins transactions itself
        min_size=min_size,
        max_size=max_size,
        timeout=timeout,
        configure=configure,
        # After a server restart an idle pooled connection is found dead and replaced here, instead
        # of failing the request that drew it; a busy one is not checked (DEFAULT_CHECK_AFTER_IDLE).
        check=check,
        name=name,
        open=False,
    )


class PostgresStore:
    """The UnitOfWorkFactory (`store.uow`) over a pool the caller opens and closes."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool

    def uow(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self.pool)

    async def ping(self) -> None:
        """Raises TarotError(DATABASE) when the server does not answer."""
        with _translated():
            async with self.pool.connection() as conn:
                await conn.execute("SELECT 1")


@contextlib.asynccontextmanager
async def open_store(
    conninfo: str,
    *,
    schema: str | None = None,
    min_size: int = 1,
    max_size: int = 10,
    pool_timeout: float = 10.0,
) -> AsyncIterator[PostgresStore]:
    """A store with its own pool, closed on exit. Migrations are not applied here (`tarot migrate` does)."""
    pool = create_pool(conninfo, schema=schema, min_size=min_size, max_size=max_size, timeout=pool_timeout)
    with _translated():
        await pool.open(wait=False)
    try:
        yield PostgresStore(pool)
    finally:
        await pool.close()


if TYPE_CHECKING:  # mypy proves the adapter still satisfies the port whenever either changes
    from tarot_ports.storage import UnitOfWorkFactory

    def _conforms(store: PostgresStore) -> UnitOfWorkFactory:
        return store.uow
