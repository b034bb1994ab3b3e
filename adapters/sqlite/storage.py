"""The storage ports on the standard library's sqlite3: the embedded default store.

SQLite has one writer at a time, so the store leans into it:
- every unit of work is one `BEGIN IMMEDIATE` transaction (taken at its first statement), so write
  transactions serialise in the database itself, across processes too (`busy_timeout` waits);
- within a process, units of work of one store take an asyncio lock in turn and run their statements
  on one dedicated worker thread with one connection. A shared thread pool would deadlock: threads
  blocked in `BEGIN IMMEDIATE` could starve the lock holder of the thread it needs to finish;
- since the transaction is exclusive, the ledger's rules are the domain's own functions
  (`replay_or_conflict`, `check_can_spend`, `resolve`) applied to rows read in the same transaction,
  with CHECK constraints and triggers as the last line of defence.
WAL mode lets other processes (`tarot admin`) read while the bot writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Self, TypeVar

import cattrs
from attrs import evolve

from adapters.sql_audit import (
    COUNTS,
    PAYMENT_COUNTS,
    audit_report,
    audit_statement,
    figures_of,
    figures_statement,
)
from adapters.sqlite.schema import MIGRATIONS, SCHEMA_VERSION
from tarot_domain.model.audit import DEFAULT_LIMIT, AuditReport
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.errors import ErrorKind, TarotError, conflict, not_found, validation
from tarot_domain.model.figures import Figures
from tarot_domain.model.ledger import (
    Balance,
    ClawbackResult,
    Transfer,
    TransferKind,
    TransferRequest,
    TransferState,
    check_can_spend,
    is_user_account,
    new_transfer,
    replay_or_conflict,
    resolve,
)
from tarot_domain.model.payments import Dispute, Payment, PaymentStatus, StatusChange
from tarot_domain.model.readings import FollowUp, Interpretation, QuestionnaireAnswer, Reading
from tarot_domain.model.users import Preferences, User

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_BUSY_TIMEOUT = timedelta(seconds=10)

# ---------------------------------------------------------------------------------------------------
# Values

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _ts(moment: datetime) -> int:
    """Microseconds since the epoch; a naive datetime is taken as UTC (as Postgres' UTC session does)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _ts_or_none(moment: datetime | None) -> int | None:
    return None if moment is None else _ts(moment)


def _dt(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


def _dt_or_none(micros: int | None) -> datetime | None:
    return None if micros is None else _dt(micros)


def _make_converter() -> cattrs.Converter:
    """JSON columns ↔ attrs; private to this adapter."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(datetime, lambda d: d.isoformat())
    conv.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
    return conv


_json = _make_converter()


def _dumps(value: object) -> str:
    return json.dumps(_json.unstructure(value), ensure_ascii=False, separators=(",", ":"))


def database_error(exc: sqlite3.Error) -> TarotError:
    code = getattr(exc, "sqlite_errorcode", None)
    # BUSY/LOCKED: another writer outlasted busy_timeout; trying again later may well succeed.
    retryable = code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    name = getattr(exc, "sqlite_errorname", type(exc).__name__)
    return TarotError(ErrorKind.DATABASE, f"sqlite {name}: {exc}", retryable=retryable)


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise database_error(exc) from exc


# ---------------------------------------------------------------------------------------------------
# Rows

_TRANSFER_COLUMNS = (
    "id, debit, credit, amount, requested, kind, reference, state,"
    " created_at, expires_at, resolved_at, balancing"
)


def _transfer(row: sqlite3.Row) -> Transfer:
    return Transfer(
        id=row["id"],
        debit=row["debit"],
        credit=row["credit"],
        amount=row["amount"],
        requested=row["requested"],
        kind=TransferKind(row["kind"]),
        reference=row["reference"],
        state=TransferState(row["state"]),
        created_at=_dt(row["created_at"]),
        expires_at=_dt_or_none(row["expires_at"]),
        resolved_at=_dt_or_none(row["resolved_at"]),
        balancing=bool(row["balancing"]),
    )


_USER_COLUMNS = (
    "id, external_ref, language, deck_id, reversals, active, tier_id, tier_until, purchases_frozen, "
    "display_name, created_at, last_seen_at, reminders"
)


def _user(row: sqlite3.Row) -> User:
    return User(
        id=row["id"],
        external_ref=row["external_ref"],
        preferences=Preferences(
            language=row["language"], deck_id=row["deck_id"], reversals=bool(row["reversals"])
        ),
        created_at=_dt(row["created_at"]),
        last_seen_at=_dt(row["last_seen_at"]),
        active=bool(row["active"]),
        tier_id=row["tier_id"],
        tier_until=_dt_or_none(row["tier_until"]),
        purchases_frozen=bool(row["purchases_frozen"]),
        display_name=row["display_name"],
        reminders=bool(row["reminders"]),
    )


def _user_params(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "external_ref": user.external_ref,
        "language": user.preferences.language,
        "deck_id": user.preferences.deck_id,
        "reversals": int(user.preferences.reversals),
        "active": int(user.active),
        "tier_id": user.tier_id,
        "tier_until": _ts_or_none(user.tier_until),
        "purchases_frozen": int(user.purchases_frozen),
        "display_name": user.display_name,
        "created_at": _ts(user.created_at),
        "last_seen_at": _ts(user.last_seen_at),
        "reminders": int(user.reminders),
    }


# ---------------------------------------------------------------------------------------------------
# Users (each function runs on the worker thread inside the open transaction)


def _user_add(conn: sqlite3.Connection, user: User) -> None:
    cur = conn.execute(
        f"INSERT INTO users ({_USER_COLUMNS}) VALUES (:id, :external_ref, :language, :deck_id, :reversals,"
        " :active, :tier_id, :tier_until, :purchases_frozen, :display_name, :created_at, :last_seen_at,"
        " :reminders)"
        " ON CONFLICT DO NOTHING",
        _user_params(user),
    )
    if cur.rowcount == 0:
        raise conflict(f"user {user.id} or {user.external_ref} exists")


def _user_get(conn: sqlite3.Connection, column: str, value: str) -> User | None:
    row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE {column} = ?", (value,)).fetchone()
    return None if row is None else _user(row)


def _user_update(conn: sqlite3.Connection, user: User) -> None:
    if conn.execute("SELECT 1 FROM users WHERE id = ?", (user.id,)).fetchone() is None:
        raise not_found(f"no user {user.id}")
    if (
        user.external_ref is not None
        and conn.execute(
            "SELECT 1 FROM users WHERE external_ref = ? AND id <> ?", (user.external_ref, user.id)
        ).fetchone()
    ):
        raise conflict(f"user ref {user.external_ref} exists")
    conn.execute(
        "UPDATE users SET external_ref = :external_ref, language = :language, deck_id = :deck_id,"
        " reversals = :reversals, active = :active, tier_id = :tier_id, tier_until = :tier_until,"
        " purchases_frozen = :purchases_frozen, display_name = :display_name, created_at = :created_at,"
        " last_seen_at = :last_seen_at, reminders = :reminders WHERE id = :id",
        _user_params(user),
    )


def _user_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM users").fetchone()[0])


def _users_tier_ending(conn: sqlite3.Connection, start: datetime, end: datetime, limit: int) -> list[User]:
    rows = conn.execute(
        f"SELECT {_USER_COLUMNS} FROM users WHERE active = 1 AND reminders = 1 AND tier_id IS NOT NULL"
        " AND tier_until >= ? AND tier_until < ? ORDER BY tier_until, id LIMIT ?",
        (_ts(start), _ts(end), max(limit, 0)),
    ).fetchall()
    return [_user(r) for r in rows]


# ---------------------------------------------------------------------------------------------------
# Ledger: LedgerBook's steps, on rows


def _transfer_get(conn: sqlite3.Connection, transfer_id: str) -> Transfer | None:
    row = conn.execute(f"SELECT {_TRANSFER_COLUMNS} FROM transfers WHERE id = ?", (transfer_id,)).fetchone()
    return None if row is None else _transfer(row)


def _balance_get(conn: sqlite3.Connection, account: str) -> Balance:
    row = conn.execute(
        "SELECT posted, pending_out, pending_in FROM balances WHERE account = ?", (account,)
    ).fetchone()
    return Balance(account) if row is None else Balance(account, row[0], row[1], row[2])


def _shift(
    conn: sqlite3.Connection, account: str, posted: int = 0, pending_out: int = 0, pending_in: int = 0
) -> None:
    # Not an upsert: SQLite checks CHECK constraints on the proposed row, and a release is negative.
    cur = conn.execute(
        "UPDATE balances SET posted = posted + ?, pending_out = pending_out + ?, pending_in = pending_in + ?"
        " WHERE account = ?",
        (posted, pending_out, pending_in, account),
    )
    if cur.rowcount == 0:
        conn.execute(
            "INSERT INTO balances (account, posted, pending_out, pending_in) VALUES (?, ?, ?, ?)",
            (account, posted, pending_out, pending_in),
        )


def _record(conn: sqlite3.Connection, t: Transfer) -> None:
    conn.execute(
        f"INSERT INTO transfers ({_TRANSFER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            t.id, t.debit, t.credit, t.amount, t.requested, t.kind.value, t.reference, t.state.value,
            _ts(t.created_at), _ts_or_none(t.expires_at), _ts_or_none(t.resolved_at), int(t.balancing),
        ),
    )  # fmt: skip
    if t.pending:
        _shift(conn, t.debit, pending_out=t.amount)
        _shift(conn, t.credit, pending_in=t.amount)
    else:
        _shift(conn, t.debit, posted=-t.amount)
        _shift(conn, t.credit, posted=t.amount)


def _submit(conn: sqlite3.Connection, request: TransferRequest, now: datetime) -> Transfer:
    existing = _transfer_get(conn, request.id)
    if existing is not None:
        return replay_or_conflict(existing, request)
    if request.balancing:
        raise validation("use clawback() for balancing transfers")
    check_can_spend(_balance_get(conn, request.debit), request.amount)
    transfer = new_transfer(request, request.amount, now)
    _record(conn, transfer)
    return transfer


def _clawback(conn: sqlite3.Connection, request: TransferRequest, now: datetime) -> ClawbackResult:
    if not request.balancing:
        raise validation("a claw-back must be a balancing transfer")
    existing = _transfer_get(conn, request.id)
    if existing is not None:
        return ClawbackResult(replay_or_conflict(existing, request), request.amount)
    available = _balance_get(conn, request.debit).available
    amount = min(request.amount, available) if is_user_account(request.debit) else request.amount
    # Recorded even when nothing is taken (amount 0), so a later replay cannot take credits.
    transfer = new_transfer(request, max(amount, 0), now)
    _record(conn, transfer)
    return ClawbackResult(transfer, request.amount)


def _settle(conn: sqlite3.Connection, current: Transfer, target: TransferState, now: datetime) -> Transfer:
    resolved = resolve(current, target, now)
    if resolved is current:
        return current
    conn.execute(
        "UPDATE transfers SET state = ?, resolved_at = ? WHERE id = ?",
        (resolved.state.value, _ts(now), resolved.id),
    )
    posted = current.amount if target is TransferState.POSTED else 0
    _shift(conn, current.debit, posted=-posted, pending_out=-current.amount)
    _shift(conn, current.credit, posted=posted, pending_in=-current.amount)
    return resolved


def _resolve(conn: sqlite3.Connection, transfer_id: str, target: TransferState, now: datetime) -> Transfer:
    current = _transfer_get(conn, transfer_id)
    if current is None:
        raise not_found(f"no transfer {transfer_id!r}")
    return _settle(conn, current, target, now)


def _expire_due(conn: sqlite3.Connection, now: datetime) -> list[Transfer]:
    rows = conn.execute(
        f"SELECT {_TRANSFER_COLUMNS} FROM transfers WHERE state = 'pending' AND expires_at <= ? ORDER BY seq",
        (_ts(now),),
    ).fetchall()
    return [_settle(conn, _transfer(r), TransferState.EXPIRED, now) for r in rows]


def _balances(conn: sqlite3.Connection) -> list[Balance]:
    rows = conn.execute("SELECT account, posted, pending_out, pending_in FROM balances ORDER BY account")
    return [Balance(r[0], r[1], r[2], r[3]) for r in rows]


def _pending(conn: sqlite3.Connection) -> list[Transfer]:
    rows = conn.execute(f"SELECT {_TRANSFER_COLUMNS} FROM transfers WHERE state = 'pending' ORDER BY seq")
    return [_transfer(r) for r in rows]


def _history(conn: sqlite3.Connection, account: str, limit: int, offset: int) -> list[Transfer]:
    rows = conn.execute(
        f"SELECT {_TRANSFER_COLUMNS} FROM ("
        f" SELECT seq, {_TRANSFER_COLUMNS} FROM transfers WHERE debit = :a"
        f" UNION ALL SELECT seq, {_TRANSFER_COLUMNS} FROM transfers WHERE credit = :a"
        ") ORDER BY seq DESC LIMIT :limit OFFSET :offset",
        {"a": account, "limit": max(limit, 0), "offset": max(offset, 0)},
    )
    return [_transfer(r) for r in rows]


# ---------------------------------------------------------------------------------------------------
# Readings

_READING_COLUMNS = (
    "id, user_id, idempotency_key, spread_id, deck_id, language, question, answers, cards, interpretation,"
    " interpreter, model, prompt_tokens, completion_tokens, cached, cost, hold_id, fallback, created_at"
)


def _follow_up(row: sqlite3.Row) -> FollowUp:
    return FollowUp(
        question=row["question"],
        interpretation=Interpretation(
            text=row["text"],
            interpreter=row["interpreter"],
            model=row["model"],
            prompt_tokens=row["prompt_tokens"],
            completion_tokens=row["completion_tokens"],
            cached=bool(row["cached"]),
        ),
        created_at=_dt(row["created_at"]),
        cost=row["cost"],
        hold_id=row["hold_id"],
    )


def _readings(conn: sqlite3.Connection, where: str, params: tuple[Any, ...]) -> list[Reading]:
    rows = conn.execute(f"SELECT {_READING_COLUMNS} FROM readings {where}", params).fetchall()
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    follow_ups: dict[str, list[FollowUp]] = {i: [] for i in ids}
    marks = ",".join("?" * len(ids))
    for f in conn.execute(
        f"SELECT * FROM follow_ups WHERE reading_id IN ({marks}) ORDER BY reading_id, seq", ids
    ):
        follow_ups[f["reading_id"]].append(_follow_up(f))
    return [
        Reading(
            id=r["id"],
            user_id=r["user_id"],
            idempotency_key=r["idempotency_key"],
            spread_id=r["spread_id"],
            deck_id=r["deck_id"],
            language=r["language"],
            question=r["question"],
            cards=_json.structure(json.loads(r["cards"]), tuple[DrawnCard, ...]),
            interpretation=Interpretation(
                text=r["interpretation"],
                interpreter=r["interpreter"],
                model=r["model"],
                prompt_tokens=r["prompt_tokens"],
                completion_tokens=r["completion_tokens"],
                cached=bool(r["cached"]),
            ),
            created_at=_dt(r["created_at"]),
            answers=_json.structure(json.loads(r["answers"]), tuple[QuestionnaireAnswer, ...]),
            cost=r["cost"],
            hold_id=r["hold_id"],
            fallback=bool(r["fallback"]),
            follow_ups=tuple(follow_ups[r["id"]]),
        )
        for r in rows
    ]


def _follow_up_insert(conn: sqlite3.Connection, reading_id: str, f: FollowUp) -> None:
    i = f.interpretation
    conn.execute(
        "INSERT INTO follow_ups (reading_id, seq, question, text, interpreter, model, prompt_tokens,"
        " completion_tokens, cached, cost, hold_id, created_at)"
        " SELECT :rid, coalesce(max(seq), 0) + 1, :question, :text, :interpreter, :model, :pt, :ct, :cached,"
        " :cost, :hold_id, :created_at FROM follow_ups WHERE reading_id = :rid",
        {
            "rid": reading_id, "question": f.question, "text": i.text, "interpreter": i.interpreter,
            "model": i.model, "pt": i.prompt_tokens, "ct": i.completion_tokens, "cached": int(i.cached),
            "cost": f.cost, "hold_id": f.hold_id, "created_at": _ts(f.created_at),
        },
    )  # fmt: skip


def _reading_add(conn: sqlite3.Connection, reading: Reading) -> None:
    i = reading.interpretation
    cur = conn.execute(
        f"INSERT INTO readings ({_READING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        (
            reading.id, reading.user_id, reading.idempotency_key, reading.spread_id, reading.deck_id,
            reading.language, reading.question, _dumps(reading.answers), _dumps(reading.cards), i.text,
            i.interpreter, i.model, i.prompt_tokens, i.completion_tokens, int(i.cached), reading.cost,
            reading.hold_id, int(reading.fallback), _ts(reading.created_at),
        ),
    )  # fmt: skip
    if cur.rowcount == 0:
        raise conflict(f"reading {reading.id} exists")
    for f in reading.follow_ups:
        _follow_up_insert(conn, reading.id, f)


def _reading_add_follow_up(conn: sqlite3.Connection, reading_id: str, follow_up: FollowUp) -> None:
    if conn.execute("SELECT 1 FROM readings WHERE id = ?", (reading_id,)).fetchone() is None:
        raise not_found(f"no reading {reading_id}")
    _follow_up_insert(conn, reading_id, follow_up)


def _reading_count(conn: sqlite3.Connection, user_id: str) -> int:
    return int(conn.execute("SELECT count(*) FROM readings WHERE user_id = ?", (user_id,)).fetchone()[0])


def _reading_erase_for_user(conn: sqlite3.Connection, user_id: str) -> int:
    ids = [r[0] for r in conn.execute("SELECT id FROM readings WHERE user_id = ?", (user_id,))]
    _blank(conn, ids)
    return len(ids)


def _blank(conn: sqlite3.Connection, ids: list[str]) -> None:
    """Remove what the person wrote or was told; the draw and the charge stay."""
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"UPDATE readings SET question = '', answers = '[]', interpretation = '' WHERE id IN ({marks})",
            chunk,
        )
        conn.execute(f"UPDATE follow_ups SET question = '', text = '' WHERE reading_id IN ({marks})", chunk)


def _reading_purge(conn: sqlite3.Connection, cutoff: datetime, limit: int | None) -> int:
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM readings WHERE created_at < ? AND (question <> '' OR interpretation <> ''"
            " OR answers <> '[]' OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.reading_id = readings.id"
            " AND (f.question <> '' OR f.text <> ''))) ORDER BY created_at, id LIMIT ?",
            (_ts(cutoff), -1 if limit is None else max(limit, 0)),
        )
    ]
    _blank(conn, ids)
    return len(ids)


def _reading_hold_ids(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT hold_id FROM readings WHERE hold_id <> '' UNION SELECT hold_id FROM follow_ups"
        " WHERE hold_id <> ''"
    )
    return {r[0] for r in rows}


# ---------------------------------------------------------------------------------------------------
# Payments and processed events


def _payments(conn: sqlite3.Connection, where: str, params: tuple[Any, ...]) -> list[Payment]:
    rows = conn.execute(
        f"SELECT {_PAYMENT_COLUMNS} FROM payments {where}",
        params,
    ).fetchall()
    result = []
    for r in rows:
        history = tuple(
            StatusChange(PaymentStatus(h[0]), _dt(h[1]), h[2])
            for h in conn.execute(
                "SELECT status, at, note FROM payment_status_history WHERE payment_id = ? ORDER BY seq",
                (r["id"],),
            )
        )
        result.append(
            Payment(
                id=r["id"],
                provider=r["provider"],
                user_id=r["user_id"],
                product_id=r["product_id"],
                amount=r["amount"],
                currency=r["currency"],
                credits=r["credits"],
                status=PaymentStatus(r["status"]),
                created_at=_dt(r["created_at"]),
                provider_ref=r["provider_ref"],
                refunded_amount=r["refunded_amount"],
                history=history,
                version=r["version"],
                granted=r["granted"],
                taken=r["taken"],
                restored=r["restored"],
                disputes=_json.structure(json.loads(r["disputes"]), tuple[Dispute, ...]),
                flag=r["flag"],
                period_end=_dt_or_none(r["period_end"]),
                refund_request=r["refund_request"],
            )
        )
    return result


_PAYMENT_COLUMNS = (
    "id, provider, provider_ref, user_id, product_id, amount, currency, credits, status, refunded_amount,"
    " created_at, version, granted, taken, restored, withdrawn, disputes, flag, period_end, refund_request"
)


def _payment_params(p: Payment) -> dict[str, Any]:
    return {
        "id": p.id, "provider": p.provider, "provider_ref": p.provider_ref, "user_id": p.user_id,
        "product_id": p.product_id, "amount": p.amount, "currency": p.currency, "credits": p.credits,
        "status": p.status.value, "refunded_amount": p.refunded_amount, "created_at": _ts(p.created_at),
        "version": p.version, "granted": p.granted, "taken": p.taken, "restored": p.restored,
        "withdrawn": p.withdrawn, "disputes": _dumps(p.disputes), "flag": p.flag,
        "period_end": _ts_or_none(p.period_end), "refund_request": p.refund_request,
    }  # fmt: skip


def _history_append(conn: sqlite3.Connection, payment_id: str, change: StatusChange) -> None:
    conn.execute(
        "INSERT INTO payment_status_history (payment_id, seq, status, at, note)"
        " SELECT :id, coalesce(max(seq), 0) + 1, :status, :at, :note FROM payment_status_history"
        " WHERE payment_id = :id",
        {"id": payment_id, "status": change.status.value, "at": _ts(change.at), "note": change.note},
    )


def _payment_add(conn: sqlite3.Connection, payment: Payment) -> None:
    values = ", ".join(f":{c.strip()}" for c in _PAYMENT_COLUMNS.split(","))
    cur = conn.execute(
        f"INSERT INTO payments ({_PAYMENT_COLUMNS}) VALUES ({values}) ON CONFLICT DO NOTHING",
        _payment_params(payment),
    )
    if cur.rowcount == 0:
        raise conflict(f"payment {payment.id} or {payment.provider}:{payment.provider_ref} exists")
    for change in payment.history:
        _history_append(conn, payment.id, change)


def _payment_update(conn: sqlite3.Connection, payment: Payment, change: StatusChange | None) -> Payment:
    found = conn.execute("SELECT version FROM payments WHERE id = ?", (payment.id,)).fetchone()
    if found is None:
        raise not_found(f"no payment {payment.id}")
    if found[0] != payment.version:  # the transaction is exclusive: nobody changes it after this read
        raise TarotError(
            ErrorKind.DATABASE, f"payment {payment.id} changed since version {payment.version}; retry",
            retryable=True,
        )  # fmt: skip
    if (
        payment.provider_ref is not None
        and conn.execute(
            "SELECT 1 FROM payments WHERE provider = ? AND provider_ref = ? AND id <> ?",
            (payment.provider, payment.provider_ref, payment.id),
        ).fetchone()
    ):
        raise conflict(f"payment {payment.provider}:{payment.provider_ref} exists")
    conn.execute(
        "UPDATE payments SET provider = :provider, provider_ref = :provider_ref, user_id = :user_id,"
        " product_id = :product_id, amount = :amount, currency = :currency, credits = :credits,"
        " status = :status, refunded_amount = :refunded_amount, created_at = :created_at,"
        " version = version + 1, granted = :granted, taken = :taken, restored = :restored,"
        " withdrawn = :withdrawn, disputes = :disputes, flag = :flag, period_end = :period_end,"
        " refund_request = :refund_request WHERE id = :id",
        _payment_params(payment),
    )
    if change is not None:
        _history_append(conn, payment.id, change)
    history = (*payment.history, change) if change is not None else payment.history
    return evolve(payment, version=payment.version + 1, history=history)


_AUDIT = audit_statement(now=":now", limit=":limit")


def _audit(conn: sqlite3.Connection, now: datetime, limit: int) -> AuditReport:
    rows = conn.execute(_AUDIT, {"now": _ts(now), "limit": max(limit, 0) + 1}).fetchall()
    accounts, pending = conn.execute(COUNTS).fetchone()
    return audit_report([tuple(r) for r in rows], int(accounts), int(pending), limit)


_FIGURES = figures_statement(day=":day", week=":week")


def _figures(conn: sqlite3.Connection, day_start: datetime, week_start: datetime) -> Figures:
    row = conn.execute(_FIGURES, {"day": _ts(day_start), "week": _ts(week_start)}).fetchone()
    return figures_of(tuple(row), [tuple(r) for r in conn.execute(PAYMENT_COUNTS).fetchall()])


def _event_mark(conn: sqlite3.Connection, provider: str, event_id: str, now: datetime) -> bool:
    cur = conn.execute(
        "INSERT INTO processed_events (provider, event_id, processed_at) VALUES (?, ?, ?) ON"
        " CONFLICT DO NOTHING",
        (provider, event_id, _ts(now)),
    )
    return cur.rowcount == 1


# ---------------------------------------------------------------------------------------------------
# Repositories: thin async faces over the functions above


class _Tx:
    """Runs a function on the store's thread inside this unit of work's transaction."""

    def __init__(self, store: SqliteStore) -> None:
        self.store = store

    async def run(
        self, fn: Callable[Concatenate[sqlite3.Connection, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        return await self.store._call(_in_transaction, fn, *args, **kwargs)


def _in_transaction(
    conn: sqlite3.Connection,
    fn: Callable[Concatenate[sqlite3.Connection, P], T],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
    return fn(conn, *args, **kwargs)


class SqliteUserRepository:
    def __init__(self, tx: _Tx) -> None:
        self._tx = tx

    async def add(self, user: User) -> None:
        await self._tx.run(_user_add, user)

    async def get(self, user_id: str) -> User | None:
        return await self._tx.run(_user_get, "id", user_id)

    async def get_by_ref(self, external_ref: str) -> User | None:
        return await self._tx.run(_user_get, "external_ref", external_ref)

    async def update(self, user: User) -> None:
        await self._tx.run(_user_update, user)

    async def count(self) -> int:
        return await self._tx.run(_user_count)

    async def list_tier_ending(self, start: datetime, end: datetime, limit: int = 500) -> list[User]:
        return await self._tx.run(_users_tier_ending, start, end, limit)


class SqliteLedgerRepository:
    def __init__(self, tx: _Tx) -> None:
        self._tx = tx

    async def submit(self, request: TransferRequest, now: datetime) -> Transfer:
        return await self._tx.run(_submit, request, now)

    async def clawback(self, request: TransferRequest, now: datetime) -> ClawbackResult:
        return await self._tx.run(_clawback, request, now)

    async def post(self, transfer_id: str, now: datetime) -> Transfer:
        return await self._tx.run(_resolve, transfer_id, TransferState.POSTED, now)

    async def void(self, transfer_id: str, now: datetime) -> Transfer:
        return await self._tx.run(_resolve, transfer_id, TransferState.VOIDED, now)

    async def expire_due(self, now: datetime) -> list[Transfer]:
        return await self._tx.run(_expire_due, now)

    async def get(self, transfer_id: str) -> Transfer | None:
        return await self._tx.run(_transfer_get, transfer_id)

    async def balance(self, account: str) -> Balance:
        return await self._tx.run(_balance_get, account)

    async def balances(self) -> list[Balance]:
        return await self._tx.run(_balances)

    async def pending(self) -> list[Transfer]:
        return await self._tx.run(_pending)

    async def history(self, account: str, limit: int = 50, offset: int = 0) -> list[Transfer]:
        return await self._tx.run(_history, account, limit, offset)


class SqliteReadingRepository:
    def __init__(self, tx: _Tx) -> None:
        self._tx = tx

    async def add(self, reading: Reading) -> None:
        await self._tx.run(_reading_add, reading)

    async def get(self, reading_id: str) -> Reading | None:
        found = await self._tx.run(_readings, "WHERE id = ?", (reading_id,))
        return found[0] if found else None

    async def get_by_key(self, user_id: str, idempotency_key: str) -> Reading | None:
        found = await self._tx.run(
            _readings, "WHERE user_id = ? AND idempotency_key = ?", (user_id, idempotency_key)
        )
        return found[0] if found else None

    async def list_for_user(
        self, user_id: str, limit: int = 10, offset: int = 0, *, before: tuple[datetime, str] | None = None
    ) -> list[Reading]:
        where, params = "WHERE user_id = ?", list[object]([user_id])
        if before is not None:
            where += " AND (created_at, id) < (?, ?)"
            params += [_ts(before[0]), before[1]]
        return await self._tx.run(
            _readings,
            f"{where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            (*params, max(limit, 0), max(offset, 0)),
        )

    async def count_for_user(self, user_id: str) -> int:
        return await self._tx.run(_reading_count, user_id)

    async def add_follow_up(self, reading_id: str, follow_up: FollowUp) -> None:
        await self._tx.run(_reading_add_follow_up, reading_id, follow_up)

    async def erase_for_user(self, user_id: str) -> int:
        return await self._tx.run(_reading_erase_for_user, user_id)

    async def purge_older_than(self, cutoff: datetime, limit: int | None = None) -> int:
        return await self._tx.run(_reading_purge, cutoff, limit)

    async def hold_ids(self) -> set[str]:
        return await self._tx.run(_reading_hold_ids)


class SqlitePaymentRepository:
    def __init__(self, tx: _Tx) -> None:
        self._tx = tx

    async def add(self, payment: Payment) -> None:
        await self._tx.run(_payment_add, payment)

    async def get(self, payment_id: str) -> Payment | None:
        found = await self._tx.run(_payments, "WHERE id = ?", (payment_id,))
        return found[0] if found else None

    async def get_by_provider_ref(self, provider: str, provider_ref: str) -> Payment | None:
        found = await self._tx.run(
            _payments, "WHERE provider = ? AND provider_ref = ?", (provider, provider_ref)
        )
        return found[0] if found else None

    async def update(self, payment: Payment, change: StatusChange | None = None) -> Payment:
        return await self._tx.run(_payment_update, payment, change)

    async def list_for_user(self, user_id: str, limit: int = 50) -> list[Payment]:
        return await self._tx.run(
            _payments, "WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?", (user_id, max(limit, 0))
        )

    async def list_flagged(self, limit: int = 100) -> list[Payment]:
        return await self._tx.run(
            _payments, "WHERE flag IS NOT NULL ORDER BY created_at, id LIMIT ?", (max(limit, 0),)
        )

    async def list_refund_requests(self, limit: int = 100) -> list[Payment]:
        return await self._tx.run(
            _payments, "WHERE refund_request IS NOT NULL ORDER BY created_at, id LIMIT ?", (max(limit, 0),)
        )


class SqliteAuditRepository:
    def __init__(self, tx: _Tx) -> None:
        self._tx = tx

    async def audit(self, now: datetime, limit: int = DEFAULT_LIMIT) -> AuditReport:
        return await self._tx.run(_audit, now, limit)

    async def figures(self, day_start: datetime, week_start: datetime) -> Figures:
        return await self._tx.run(_figures, day_start, week_start)


class SqliteProcessedEventRepository:
    def __init__(self, tx: _Tx) -> None:
        self._tx = tx

    async def mark(self, provider: str, event_id: str, now: datetime) -> bool:
        return await self._tx.run(_event_mark, provider, event_id, now)


# ---------------------------------------------------------------------------------------------------
# Unit of work and store


class SqliteUnitOfWork:
    users: SqliteUserRepository
    ledger: SqliteLedgerRepository
    readings: SqliteReadingRepository
    payments: SqlitePaymentRepository
    events: SqliteProcessedEventRepository
    audit: SqliteAuditRepository

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        self._active = False

    async def __aenter__(self) -> Self:
        await self._store._lock_for_uow().acquire()
        try:
            await self._store.open()
        except BaseException:
            self._store._lock_for_uow().release()
            raise
        self._active = True
        tx = _Tx(self._store)
        self.users = SqliteUserRepository(tx)
        self.ledger = SqliteLedgerRepository(tx)
        self.readings = SqliteReadingRepository(tx)
        self.payments = SqlitePaymentRepository(tx)
        self.events = SqliteProcessedEventRepository(tx)
        self.audit = SqliteAuditRepository(tx)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._active = False
        try:
            await self._store._call(_rollback)
        except TarotError:
            pass  # nothing was written, or the connection is gone; either way nothing is committed
        finally:
            self._store._lock_for_uow().release()

    async def commit(self) -> None:
        if not self._active:
            raise RuntimeError("commit outside the unit of work")
        await self._store._call(_commit)


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.rollback()


def _commit(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.commit()


class SqliteStore:
    """One database file; `uow()` is the UnitOfWorkFactory. Opens (and creates or upgrades the schema)
    on first use or `await open()`; `await close()` when done, or use `async with SqliteStore(path)`.

    `synchronous="FULL"` makes each commit durable across a power cut (this is a ledger); "NORMAL" is
    faster and still never corrupts in WAL mode, but may lose the last commits on power loss.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        busy_timeout: timedelta = DEFAULT_BUSY_TIMEOUT,
        synchronous: str = "FULL",
    ) -> None:
        if synchronous.upper() not in ("OFF", "NORMAL", "FULL", "EXTRA"):
            raise ValueError(f"synchronous must be OFF, NORMAL, FULL or EXTRA, not {synchronous!r}")
        self.path = Path(path)
        self._busy_ms = int(busy_timeout.total_seconds() * 1000)
        self._synchronous = synchronous.upper()
        self._executor: ThreadPoolExecutor | None = None
        self._conn: sqlite3.Connection | None = None
        self._uow_lock: asyncio.Lock | None = None
        self._open_lock: asyncio.Lock | None = None

    def uow(self) -> SqliteUnitOfWork:
        return SqliteUnitOfWork(self)

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def open(self) -> None:
        """Open the file and bring its schema up to date (idempotent)."""
        if self._conn is not None:
            return
        if self._open_lock is None:
            self._open_lock = asyncio.Lock()
        async with self._open_lock:
            if self._conn is None:
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tarot-sqlite")
                loop = asyncio.get_running_loop()
                self._conn = await loop.run_in_executor(self._executor, self._connect)

    async def close(self) -> None:
        conn, self._conn = self._conn, None
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if conn is not None:
            await asyncio.get_running_loop().run_in_executor(executor, conn.close)
        executor.shutdown(wait=False)

    async def ping(self) -> None:
        async with self.uow() as uow:
            await uow.users.count()

    async def schema_version(self) -> int:
        await self.open()
        return await self._call(lambda conn: int(conn.execute("PRAGMA user_version").fetchone()[0]))

    def _lock_for_uow(self) -> asyncio.Lock:
        if self._uow_lock is None:
            self._uow_lock = asyncio.Lock()
        return self._uow_lock

    async def _call(
        self, fn: Callable[Concatenate[sqlite3.Connection, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        if self._executor is None or self._conn is None:
            raise TarotError(ErrorKind.DATABASE, "the sqlite store is closed", retryable=False)
        conn = self._conn
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(_guarded, fn, conn, *args, **kwargs)
        )

    def _connect(self) -> sqlite3.Connection:
        """On the worker thread: connect, set the pragmas, create or upgrade the schema."""
        with _translated():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=self._busy_ms / 1000)
            try:
                conn.row_factory = sqlite3.Row
                conn.execute(f"PRAGMA busy_timeout = {self._busy_ms}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(f"PRAGMA synchronous = {self._synchronous}")
                conn.execute("PRAGMA foreign_keys = ON")
                _upgrade(conn)
            except BaseException:
                conn.close()
                raise
        return conn


def _guarded(
    fn: Callable[Concatenate[sqlite3.Connection, P], T],
    conn: sqlite3.Connection,
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    with _translated():
        return fn(conn, *args, **kwargs)


def _upgrade(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")  # two processes opening a new file: one creates, the other waits
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise TarotError(
                ErrorKind.DATABASE,
                f"sqlite schema version {version} is newer than this code's {SCHEMA_VERSION};"
                " upgrade tarot-bot",
                retryable=False,
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                conn.execute(statement)
        if version != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


if TYPE_CHECKING:  # mypy proves the adapter still satisfies the port whenever either changes
    from tarot_ports.storage import UnitOfWorkFactory

    def _conforms(store: SqliteStore) -> UnitOfWorkFactory:
        return store.uow
