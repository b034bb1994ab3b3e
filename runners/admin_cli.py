"""Operator commands: `tarot migrate` and `tarot admin grant|balance|history|check|sweep|purge`,
`tarot admin payments|payment` (runners/admin_payments.py) and `tarot admin suspend|unsuspend|unfreeze|
stats` (runners/admin_accounts.py).

The store comes from `DATABASE_URL` (see runners/stores.py). USER is an external reference such as
`telegram:12345`. Exit status: 0 done, 1 a check found problems or the store failed during the
command, 2 bad input (unknown user, malformed value) or a database that cannot be reached at all, each
with one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable
from typing import Any

from adapters.system.clock import SystemClock
from runners.admin_support import (
    POOL_TIMEOUT,
    _database_url,
    _emit,
    _find_user,
    _guard,
    _iso,
    _open,
    _positive_int,
    _services,
)
from runners.config import Settings
from runners.startup import preflight
from runners.stores import redact
from tarot_domain.model.ledger import Transfer, user_account
from tarot_domain.model.readings import Reading
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.retention import purge_old_readings


def add_commands(subparsers: Any) -> None:
    """Register `migrate` and `admin ...` on the `tarot` command's sub-parsers."""
    migrate = subparsers.add_parser("migrate", help="bring the database schema up to date")
    migrate.set_defaults(handler=_guard(_migrate))

    admin = subparsers.add_parser("admin", help="operator commands: credits, ledger checks, upkeep")
    sub = admin.add_subparsers(dest="admin_command", required=True, metavar="COMMAND")

    grant = sub.add_parser("grant", help="give a user credits from the grants account")
    grant.add_argument("user", metavar="USER", help="external reference, e.g. telegram:12345")
    grant.add_argument("amount", metavar="AMOUNT", type=_positive_int, help="credits to give")
    grant.add_argument("--reason", required=True, help="why (stored with the transfer)")
    grant.add_argument("--id", default=None, help="transfer id, so a repeated command grants once")
    grant.set_defaults(handler=_guard(_grant))

    balance = sub.add_parser("balance", help="a user's posted, pending and available credits")
    balance.add_argument("user", metavar="USER")
    balance.add_argument("--json", action="store_true", help="print JSON")
    balance.set_defaults(handler=_guard(_balance))

    history = sub.add_parser("history", help="a user's transfers and readings, newest first")
    history.add_argument("user", metavar="USER")
    history.add_argument("--limit", type=_positive_int, default=50, help="entries to show (default 50)")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.set_defaults(handler=_guard(_history))

    check = sub.add_parser("check", help="prove the books; exit 1 with one line per violation")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=_guard(_check))

    sweep = sub.add_parser("sweep", help="release every hold whose time is up")
    sweep.set_defaults(handler=_guard(_sweep))

    purge = sub.add_parser("purge", help="blank the words of readings older than DAYS (the ledger stays)")
    purge.add_argument("--older-than", dest="days", metavar="DAYS", type=_positive_int, required=True)
    purge.set_defaults(handler=_guard(_purge))

    from runners.admin_accounts import add_account_commands  # they import this module's helpers
    from runners.admin_payments import add_payment_commands

    add_payment_commands(sub)
    add_account_commands(sub)


# ------------------------------------------------------------------------------------------------------


async def _migrate(args: argparse.Namespace) -> int:
    url = _database_url()
    if url and url.startswith(("postgresql://", "postgres://")):
        from adapters.postgres.migrations import MigrationError, migrate_database

        await preflight(Settings(database_url=url), POOL_TIMEOUT)
        try:
            applied = await _pg_call(migrate_database(url))
        except MigrationError as problem:
            print(f"tarot: error: {problem}", file=sys.stderr)
            return 1
        print(f"applied {', '.join(applied)}" if applied else "schema is up to date", f"({redact(url)})")
        return 0
    async with _open() as store:  # SQLite creates or upgrades its schema on open
        await store.ping()
        print(f"sqlite schema is up to date ({store.location})")
    return 0


async def _pg_call(work: Awaitable[list[str]]) -> list[str]:
    import psycopg

    from adapters.postgres.storage import database_error

    try:
        return await work
    except psycopg.Error as exc:
        raise database_error(exc) from exc


async def _grant(args: argparse.Namespace) -> int:
    async with _open() as store:
        user = await _find_user(store, args.user)
        credits = CreditService(_services(store))
        transfer = await credits.grant(user.id, args.amount, args.reason, transfer_id=args.id)
        balance = await credits.balance(user.id)
    print(
        f"granted {transfer.amount} credits to {args.user} (transfer {transfer.id}); available"
        f" {balance.available}"
    )
    return 0


async def _balance(args: argparse.Namespace) -> int:
    async with _open() as store:
        user = await _find_user(store, args.user)
        async with store.uow_factory() as uow:
            balance = await uow.ledger.balance(user_account(user.id))
    report = {
        "user": args.user,
        "posted": balance.posted,
        "pending": balance.pending_out,
        "available": balance.available,
    }
    if args.json:
        _emit(report)
    else:
        print(
            f"{args.user}: {balance.available} available ({balance.posted} posted,"
            f" {balance.pending_out} on hold)"
        )
    return 0


def _transfer_entry(t: Transfer, account: str) -> dict[str, Any]:
    return {
        "type": "transfer",
        "at": _iso(t.created_at),
        "id": t.id,
        "kind": t.kind.value,
        "state": t.state.value,
        "amount": t.amount if t.credit == account else -t.amount,
        "requested": t.requested,
        "counterpart": t.debit if t.credit == account else t.credit,
        "reference": t.reference,
        "expires_at": _iso(t.expires_at),
        "resolved_at": _iso(t.resolved_at),
    }


def _reading_entry(r: Reading) -> dict[str, Any]:
    return {
        "type": "reading",
        "at": _iso(r.created_at),
        "id": r.id,
        "spread": r.spread_id,
        "cost": r.cost,
        "hold_id": r.hold_id,
        "fallback": r.fallback,
        "follow_ups": len(r.follow_ups),
        "question": r.question,
    }


async def _history(args: argparse.Namespace) -> int:
    async with _open() as store:
        user = await _find_user(store, args.user)
        account = user_account(user.id)
        async with store.uow_factory() as uow:
            transfers = await uow.ledger.history(account, limit=args.limit)
            readings = await uow.readings.list_for_user(user.id, limit=args.limit)
    entries = [(t.created_at, _transfer_entry(t, account)) for t in transfers]
    entries += [(r.created_at, _reading_entry(r)) for r in readings]
    entries.sort(key=lambda e: e[0], reverse=True)  # stable: each source is already newest first
    rows = [entry for _, entry in entries[: args.limit]]
    if args.json:
        _emit({"user": args.user, "entries": rows})
        return 0
    for row in rows:
        if row["type"] == "transfer":
            print(f"{row['at']}  {row['kind']:<10} {row['amount']:>+6}  {row['state']:<8} {row['id']}")
        else:
            print(f"{row['at']}  reading    {row['spread']:<12} cost {row['cost']}  {row['id']}")
    if not rows:
        print(f"{args.user}: no transfers or readings")
    return 0


async def _check(args: argparse.Namespace) -> int:
    async with _open() as store:
        report = await CreditService(_services(store)).check()
    if args.json:
        _emit(
            {
                "ok": report.ok,
                "violations": list(report.violations),
                "accounts": report.accounts,
                "pending": report.pending,
                "truncated": report.truncated,
            }
        )
    elif report.ok:
        print(f"ok ({report.accounts} accounts, {report.pending} pending holds)")
    else:
        for violation in report.violations:
            print(f"violation: {violation}")
        if report.truncated:
            print(f"(more violations not shown: the first {len(report.violations)} are above)")
    return 0 if report.ok else 1


async def _sweep(args: argparse.Namespace) -> int:
    async with _open() as store:
        expired = await CreditService(_services(store)).sweep()
    print(f"released {len(expired)} expired hold(s)")
    for t in expired:
        print(f"  {t.id}: {t.amount} back to {t.debit}")
    return 0


async def _purge(args: argparse.Namespace) -> int:
    async with _open() as store:
        purged = await purge_old_readings(store.uow_factory, SystemClock(), args.days)
    print(f"purged the text of {purged.readings} reading(s) created before {purged.cutoff.isoformat()}")
    return 0
