"""Operator commands on accounts and the service's numbers: `tarot admin suspend|unsuspend USER`,
`tarot admin unfreeze USER [--note TEXT]` (after a lost dispute) and `tarot admin stats`.

Each takes `--json`. Repeating a command is safe: an account already as asked is reported as such
(exit 0). An unknown or malformed USER, or a dispute still open, is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
from typing import Any

from runners.admin_support import _emit, _guard, _open, _services, _Usage
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.figures import Figures
from tarot_domain.use_cases.operators import AccountChange, OperatorService


def add_account_commands(sub: Any) -> None:
    for name, suspended, text in (
        ("suspend", True, "stop a user from starting anything (credits and history stay)"),
        ("unsuspend", False, "let a suspended user in again"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("user", metavar="USER", help="external reference, e.g. telegram:12345")
        command.add_argument("--json", action="store_true", help="print JSON")
        command.set_defaults(handler=_guard(_suspension), suspended=suspended)

    unfreeze = sub.add_parser("unfreeze", help="let a user buy again after a lost dispute froze purchases")
    unfreeze.add_argument("user", metavar="USER")
    unfreeze.add_argument("--note", default="", help="why (kept in each payment's history)")
    unfreeze.add_argument("--json", action="store_true", help="print JSON")
    unfreeze.set_defaults(handler=_guard(_unfreeze))

    stats = sub.add_parser("stats", help="users, readings, credits, payments and flagged payments")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=_guard(_stats))


def _operators(store: Any) -> OperatorService:
    return OperatorService(_services(store))


def _refused(error: TarotError, ref: str) -> _Usage | None:
    """The operator's mistakes and refusals, worded for the operator."""
    if error.message_key == "error.unknown_user":
        return _Usage(f"unknown user {ref}")
    if error.kind is ErrorKind.VALIDATION:
        return _Usage(f"malformed user reference {ref!r} (expected e.g. telegram:12345)")
    if error.message_key == "error.dispute_open":
        return _Usage(f"cannot unfreeze {ref}: {error.detail}; wait until the dispute closes")
    return None


async def _change(args: argparse.Namespace, work: Any) -> AccountChange:
    try:
        change: AccountChange = await work
    except TarotError as error:
        usage = _refused(error, args.user)
        if usage is None:
            raise
        raise usage from None
    return change


async def _suspension(args: argparse.Namespace) -> int:
    async with _open() as store:
        change = await _change(args, _operators(store).set_suspended(args.user, args.suspended))
    word = "suspended" if args.suspended else "unsuspended"
    if args.json:
        _emit({"user": args.user, "suspended": args.suspended, "changed": change.changed})
    elif not change.changed:
        print(f"{args.user} was {'already suspended' if args.suspended else 'not suspended'}")
    elif args.suspended:
        print(f"{word} {args.user}: it can start nothing until `tarot admin unsuspend {args.user}`")
    else:
        print(f"{word} {args.user}")
    return 0


async def _unfreeze(args: argparse.Namespace) -> int:
    note = args.note.strip() or "no note given"
    async with _open() as store:
        change = await _change(args, _operators(store).unfreeze(args.user, note))
    if args.json:
        _emit({"user": args.user, "purchases_frozen": False, "changed": change.changed,
               "payments": list(change.payments)})  # fmt: skip
    elif not change.changed:
        print(f"{args.user}: purchases were not frozen")
    else:
        lifted = f" (payments {', '.join(change.payments)})" if change.payments else ""
        print(f"unfroze {args.user}'s purchases{lifted}")
    return 0


def stats_json(figures: Figures) -> dict[str, Any]:
    return {
        "users": figures.users,
        "readings": {"today": figures.readings_today, "7_days": figures.readings_week},
        "credits": {"granted": figures.credits_granted, "spent": figures.credits_spent},
        "payments": [{"provider": p, "status": s, "count": n} for p, s, n in figures.payments],
        "flagged": figures.flagged,
    }


async def _stats(args: argparse.Namespace) -> int:
    async with _open() as store:
        figures = await _operators(store).stats()
    if args.json:
        _emit(stats_json(figures))
        return 0
    print(f"users: {figures.users}")
    print(f"readings: {figures.readings_today} today (UTC), {figures.readings_week} in the last 7 days")
    print(f"credits: {figures.credits_granted} granted, {figures.credits_spent} spent")
    print("payments:" + ("" if figures.payments else " none"))
    for provider, status, count in figures.payments:
        print(f"  {provider} {status}: {count}")
    print(f"flagged payments: {figures.flagged}")
    return 0
