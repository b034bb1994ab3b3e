"""The audit of the books (tarot_domain.model.audit) as one set-based SQL statement, shared by the
PostgreSQL and SQLite stores.

Every check is a SELECT over whole tables (aggregates, anti-joins), so the database does the work and
the caller holds only the violations it fetches (at most `limit` + 1 rows), whatever the size of the
ledger. One statement is one snapshot, so the checks agree with each other even while the bot writes.
A row is (check number, subject, other, a..f); `tarot_domain.model.audit.Finding` words it.
A balance is the sum of its account's rows (`bal`): Postgres spreads a system account over slots
(migration 0004), SQLite keeps one row per account; the checks are the same for both. Stored and
recomputed balances meet in one FULL JOIN (SQLite >= 3.39), so the recomputation over every transfer
is read once and Postgres need not materialise it (at 1M transfers: 2.5 s instead of 3.8 s).

`credits_due` is recomputed here from the payment's stored grant, refunded amount and chargeback
withdrawal exactly as the domain's pure function does (integer division truncates in both databases,
and every operand is non-negative).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from tarot_domain.model.audit import AuditReport, Check, Finding, report
from tarot_domain.model.figures import Figures


def audit_statement(now: str, limit: str, collate: str = "") -> str:
    """The statement, with the dialect's placeholders for the current time and the row limit and its
    byte-order collation (so every store sorts subjects alike)."""
    return _AUDIT.format(now=now, limit=limit, collate=collate)


def figures_statement(day: str, week: str) -> str:
    """One row of the service's numbers (tarot_domain.model.figures), with the dialect's placeholders
    for the two instants readings are counted from."""
    return (
        "SELECT (SELECT count(*) FROM users) AS users,"
        f" (SELECT count(*) FROM readings WHERE created_at >= {day}) AS readings_today,"
        f" (SELECT count(*) FROM readings WHERE created_at >= {week}) AS readings_week,"
        " (SELECT coalesce(sum(amount), 0) FROM transfers"
        "   WHERE state = 'posted' AND substr(debit, 1, 9) = 'issuance:') AS credits_granted,"
        " (SELECT coalesce(sum(amount), 0) FROM transfers"
        "   WHERE state = 'posted' AND credit = 'revenue:readings') AS credits_spent,"
        " (SELECT count(*) FROM payments WHERE flag IS NOT NULL) AS flagged"
    )


PAYMENT_COUNTS = (
    "SELECT provider, status, count(*) AS n FROM payments GROUP BY provider, status ORDER BY provider, status"
)


def figures_of(row: Sequence[Any], payment_rows: Iterable[Sequence[Any]]) -> Figures:
    users, today, week, granted, spent, flagged = (int(v) for v in row)
    payments = tuple((str(p), str(s), int(n)) for p, s, n in payment_rows)
    return Figures(users, today, week, granted, spent, payments, flagged)


COUNTS = (
    "SELECT (SELECT count(DISTINCT account) FROM balances) AS accounts,"
    " (SELECT count(*) FROM transfers WHERE state = 'pending') AS pending"
)


def audit_report(rows: Iterable[Sequence[Any]], accounts: int, pending: int, limit: int) -> AuditReport:
    """Rows of the statement (run with `limit + 1`) as the domain's report."""
    findings = [Finding(Check(int(r[0])), str(r[1]), str(r[2]), *(int(v) for v in r[3:9])) for r in rows]
    return report(findings, accounts, pending, limit)


_DUE = (
    "CASE WHEN p.granted <= 0 THEN 0 WHEN p.amount <= 0 THEN p.granted"
    " ELSE p.granted - p.granted * (CASE WHEN p.amount < p.refunded_amount + p.withdrawn"
    " THEN p.amount ELSE p.refunded_amount + p.withdrawn END) / p.amount END"
)

_AUDIT = (
    """
WITH
bal AS (
    SELECT account, CAST(sum(posted) AS BIGINT) AS posted, CAST(sum(pending_out) AS BIGINT) AS pending_out,
           CAST(sum(pending_in) AS BIGINT) AS pending_in
    FROM balances GROUP BY account
),
moves AS (
    SELECT debit AS account,
           CASE WHEN state = 'posted' THEN -amount ELSE 0 END AS posted,
           CASE WHEN state = 'pending' THEN amount ELSE 0 END AS pending_out,
           0 AS pending_in
    FROM transfers
    UNION ALL
    SELECT credit, CASE WHEN state = 'posted' THEN amount ELSE 0 END, 0,
           CASE WHEN state = 'pending' THEN amount ELSE 0 END
    FROM transfers
),
summed AS (
    SELECT account, CAST(sum(posted) AS BIGINT) AS posted, CAST(sum(pending_out) AS BIGINT) AS pending_out,
           CAST(sum(pending_in) AS BIGINT) AS pending_in
    FROM moves GROUP BY account
),
payment_moves AS (
    SELECT reference,
           CAST(sum(CASE WHEN kind = 'clawback' THEN amount ELSE 0 END) AS BIGINT) AS taken,
           CAST(sum(CASE WHEN kind = 'clawback' THEN requested - amount ELSE 0 END) AS BIGINT) AS shortfall,
           CAST(sum(CASE WHEN kind = 'restore' THEN amount ELSE 0 END) AS BIGINT) AS restored
    FROM transfers WHERE kind IN ('clawback', 'restore') GROUP BY reference
),
ledgered AS (
    SELECT p.id, p.user_id, p.granted, p.taken, p.restored, ("""
    + _DUE
    + """) AS due,
           CASE WHEN p.granted > 0 THEN coalesce((
               SELECT t.amount FROM transfers t
               WHERE t.id = 'purchase:' || p.id AND t.kind IN ('purchase', 'subscription')
                 AND t.state = 'posted' AND t.debit = 'issuance:' || p.provider
                 AND t.credit = 'user:' || p.user_id), 0) ELSE 0 END AS grant_amount,
           coalesce(m.taken, 0) AS moved_taken, coalesce(m.restored, 0) AS moved_restored,
           coalesce(m.shortfall, 0) AS shortfall
    FROM payments p LEFT JOIN payment_moves m ON m.reference = p.id
),
findings AS (
    SELECT 1 AS ord, '' AS subject, '' AS other, s AS a, 0 AS b, 0 AS c, 0 AS d, 0 AS e, 0 AS f
    FROM (SELECT CAST(coalesce(sum(posted), 0) AS BIGINT) AS s FROM bal) z WHERE s <> 0
    UNION ALL
    SELECT 2, '', '', o, i, 0, 0, 0, 0
    FROM (SELECT CAST(coalesce(sum(pending_out), 0) AS BIGINT) AS o,
                 CAST(coalesce(sum(pending_in), 0) AS BIGINT) AS i FROM bal) z WHERE o <> i
    UNION ALL
    SELECT 3, account, '', posted - pending_out, 0, 0, 0, 0, 0 FROM bal
    WHERE substr(account, 1, 5) = 'user:' AND posted - pending_out < 0
    UNION ALL
    SELECT 4, coalesce(b.account, s.account), '',
           coalesce(b.posted, 0), coalesce(b.pending_out, 0), coalesce(b.pending_in, 0),
           coalesce(s.posted, 0), coalesce(s.pending_out, 0), coalesce(s.pending_in, 0)
    FROM bal b FULL JOIN summed s ON s.account = b.account
    WHERE coalesce(b.posted, 0) <> coalesce(s.posted, 0)
       OR coalesce(b.pending_out, 0) <> coalesce(s.pending_out, 0)
       OR coalesce(b.pending_in, 0) <> coalesce(s.pending_in, 0)
    UNION ALL
    SELECT 5, id, '', 0, 0, 0, 0, 0, 0 FROM transfers WHERE state = 'pending' AND expires_at <= {now}
    UNION ALL
    SELECT 6, t.id, '', 0, 0, 0, 0, 0, 0 FROM transfers t
    WHERE t.kind IN ('reading', 'follow_up') AND t.state = 'posted'
      AND NOT EXISTS (SELECT 1 FROM readings r WHERE r.hold_id = t.id)
      AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.hold_id = t.id)
    UNION ALL
    SELECT 7, id, '', granted, grant_amount, 0, 0, 0, 0 FROM ledgered WHERE granted <> grant_amount
    UNION ALL
    SELECT 8, t.id, t.credit, t.amount, 0, 0, 0, 0, 0 FROM transfers t
    WHERE t.kind IN ('purchase', 'subscription') AND NOT EXISTS (
        SELECT 1 FROM payments p
        WHERE p.id = t.reference AND p.granted > 0 AND t.id = 'purchase:' || p.id
          AND t.debit = 'issuance:' || p.provider AND t.credit = 'user:' || p.user_id
          AND t.state = 'posted')
    UNION ALL
    SELECT 9, id, '', taken, moved_taken, 0, 0, 0, 0 FROM ledgered WHERE taken <> moved_taken
    UNION ALL
    SELECT 10, id, '', restored, moved_restored, 0, 0, 0, 0 FROM ledgered WHERE restored <> moved_restored
    UNION ALL
    SELECT 11, id, 'user:' || user_id, grant_amount - moved_taken + moved_restored, due, shortfall, 0, 0, 0
    FROM ledgered
    WHERE grant_amount - moved_taken + moved_restored < due
       OR grant_amount - moved_taken + moved_restored - due > shortfall
    UNION ALL
    SELECT 12, t.id, t.kind, 0, 0, 0, 0, 0, 0 FROM transfers t
    WHERE t.kind IN ('clawback', 'restore') AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.id = t.reference)
)
SELECT ord, subject, other, a, b, c, d, e, f FROM findings ORDER BY ord, subject {collate} LIMIT {limit}
"""
)
