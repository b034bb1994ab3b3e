"""The service in numbers, as `tarot admin stats` shows them: counted inside the store."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from tarot_domain.model.ledger import REVENUE_READINGS, Transfer, TransferState
from tarot_domain.model.payments import Payment

ISSUANCE_PREFIX = "issuance:"


@frozen
class Figures:
    """`credits_granted`: every posted credit issued (welcome grants, operators' grants, purchases,
    restores); `credits_spent`: every posted charge for a reading or follow-up; `payments`: how many
    payments each provider has in each status, as sorted (provider, status, count) rows."""

    users: int
    readings_today: int
    readings_week: int
    credits_granted: int
    credits_spent: int
    payments: tuple[tuple[str, str, int], ...]
    flagged: int


def credits_moved(transfers: Iterable[Transfer]) -> tuple[int, int]:
    """(granted, spent) from the transfers, as the SQL stores count them."""
    granted = spent = 0
    for t in transfers:
        if t.state is not TransferState.POSTED:
            continue
        if t.debit.startswith(ISSUANCE_PREFIX):
            granted += t.amount
        if t.credit == REVENUE_READINGS:
            spent += t.amount
    return granted, spent


def payment_rows(payments: Iterable[Payment]) -> tuple[tuple[str, str, int], ...]:
    counts: dict[tuple[str, str], int] = {}
    for p in payments:
        key = (p.provider, p.status.value)
        counts[key] = counts.get(key, 0) + 1
    return tuple((provider, status, n) for (provider, status), n in sorted(counts.items()))
