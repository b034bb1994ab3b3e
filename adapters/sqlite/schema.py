"""The SQLite schema, versioned with `PRAGMA user_version`.

`MIGRATIONS[n]` takes a database from version n-1 to n; the store applies what is missing when it opens
the file, in one `BEGIN IMMEDIATE` transaction, so two processes opening a new file do not race.
Timestamps are integer microseconds since the Unix epoch (UTC): exact, and ordered as numbers.
Statements are kept one per string because `executescript` would commit the open transaction.
"""

from __future__ import annotations

SCHEMA_VERSION = 3

_V1: tuple[str, ...] = (
    """
    CREATE TABLE users (
        id               TEXT PRIMARY KEY,
        external_ref     TEXT UNIQUE,
        language         TEXT NOT NULL,
        deck_id          TEXT NOT NULL,
        reversals        INTEGER NOT NULL CHECK (reversals IN (0, 1)),
        active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        tier_id          TEXT,
        tier_until       INTEGER,
        purchases_frozen INTEGER NOT NULL DEFAULT 0 CHECK (purchases_frozen IN (0, 1)),
        display_name     TEXT,
        created_at       INTEGER NOT NULL,
        last_seen_at     INTEGER NOT NULL
    ) STRICT
    """,
    # `seq` (the rowid) orders history; the trigger below keeps money fields immutable.
    """
    CREATE TABLE transfers (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 200),
        debit        TEXT NOT NULL,
        credit       TEXT NOT NULL,
        amount       INTEGER NOT NULL CHECK (amount >= 0),
        requested    INTEGER NOT NULL,
        kind         TEXT NOT NULL CHECK (kind <> ''),
        reference    TEXT NOT NULL DEFAULT '',
        state        TEXT NOT NULL CHECK (state IN ('pending', 'posted', 'voided', 'expired')),
        created_at   INTEGER NOT NULL,
        expires_at   INTEGER,
        resolved_at  INTEGER,
        balancing    INTEGER NOT NULL DEFAULT 0 CHECK (balancing IN (0, 1)),
        CHECK (debit <> credit),
        CHECK (amount > 0 OR balancing),
        CHECK (requested >= amount),
        CHECK (requested = amount OR balancing),
        CHECK (NOT (balancing AND expires_at IS NOT NULL)),
        CHECK (expires_at IS NOT NULL OR state = 'posted'),
        CHECK ((resolved_at IS NOT NULL) = (expires_at IS NOT NULL AND state <> 'pending'))
    ) STRICT
    """,
    "CREATE INDEX transfers_debit ON transfers (debit, seq)",
    "CREATE INDEX transfers_credit ON transfers (credit, seq)",
    "CREATE INDEX transfers_due ON transfers (expires_at) WHERE state = 'pending'",
    """
    CREATE TRIGGER transfers_immutable BEFORE UPDATE ON transfers
    WHEN NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.debit IS NOT OLD.debit
        OR NEW.credit IS NOT OLD.credit OR NEW.amount IS NOT OLD.amount OR NEW.requested IS NOT OLD.requested
        OR NEW.kind IS NOT OLD.kind OR NEW.reference IS NOT OLD.reference
        OR NEW.created_at IS NOT OLD.created_at OR NEW.expires_at IS NOT OLD.expires_at
        OR NEW.balancing IS NOT OLD.balancing OR (OLD.state <> 'pending' AND NEW.state IS NOT OLD.state)
    BEGIN
        SELECT RAISE(ABORT, 'transfers: only the state of a pending hold may change');
    END
    """,
    """
    CREATE TRIGGER transfers_append_only BEFORE DELETE ON transfers
    BEGIN
        SELECT RAISE(ABORT, 'transfers: the ledger is append-only');
    END
    """,
    """
    CREATE TABLE balances (
        account     TEXT PRIMARY KEY,
        posted      INTEGER NOT NULL DEFAULT 0,
        pending_out INTEGER NOT NULL DEFAULT 0 CHECK (pending_out >= 0),
        pending_in  INTEGER NOT NULL DEFAULT 0 CHECK (pending_in >= 0),
        CONSTRAINT user_available_not_negative
            CHECK (substr(account, 1, 5) <> 'user:' OR posted - pending_out >= 0)
    ) STRICT
    """,
    """
    CREATE TABLE readings (
        id                TEXT PRIMARY KEY,
        user_id           TEXT NOT NULL,
        idempotency_key   TEXT NOT NULL,
        spread_id         TEXT NOT NULL,
        deck_id           TEXT NOT NULL,
        language          TEXT NOT NULL,
        question          TEXT NOT NULL,
        answers           TEXT NOT NULL DEFAULT '[]',
        cards             TEXT NOT NULL,
        interpretation    TEXT NOT NULL,
        interpreter       TEXT NOT NULL,
        model             TEXT,
        prompt_tokens     INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        cached            INTEGER NOT NULL DEFAULT 0,
        cost              INTEGER NOT NULL DEFAULT 0,
        hold_id           TEXT,
        fallback          INTEGER NOT NULL DEFAULT 0,
        created_at        INTEGER NOT NULL,
        UNIQUE (user_id, idempotency_key)
    ) STRICT
    """,
    "CREATE INDEX readings_user_newest ON readings (user_id, created_at DESC, id DESC)",
    "CREATE INDEX readings_created ON readings (created_at)",
    """
    CREATE TABLE follow_ups (
        reading_id        TEXT NOT NULL REFERENCES readings (id) ON DELETE CASCADE,
        seq               INTEGER NOT NULL,
        question          TEXT NOT NULL,
        text              TEXT NOT NULL,
        interpreter       TEXT NOT NULL,
        model             TEXT,
        prompt_tokens     INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        cached            INTEGER NOT NULL DEFAULT 0,
        cost              INTEGER NOT NULL DEFAULT 0,
        hold_id           TEXT,
        created_at        INTEGER NOT NULL,
        PRIMARY KEY (reading_id, seq)
    ) STRICT
    """,
    """
    CREATE TABLE payments (
        id              TEXT PRIMARY KEY,
        provider        TEXT NOT NULL,
        provider_ref    TEXT,
        user_id         TEXT NOT NULL,
        product_id      TEXT NOT NULL,
        amount          INTEGER NOT NULL,
        currency        TEXT NOT NULL,
        credits         INTEGER NOT NULL,
        status          TEXT NOT NULL,
        refunded_amount INTEGER NOT NULL DEFAULT 0,
        created_at      INTEGER NOT NULL,
        UNIQUE (provider, provider_ref)
    ) STRICT
    """,
    "CREATE INDEX payments_user_newest ON payments (user_id, created_at DESC, id DESC)",
    """
    CREATE TABLE payment_status_history (
        payment_id TEXT NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        status     TEXT NOT NULL,
        at         INTEGER NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (payment_id, seq)
    ) STRICT
    """,
    """
    CREATE TABLE processed_events (
        provider     TEXT NOT NULL,
        event_id     TEXT NOT NULL,
        processed_at INTEGER NOT NULL,
        PRIMARY KEY (provider, event_id)
    ) STRICT
    """,
)

# Version 2 (issue 14): payments as aggregates, as adapters/postgres/sql/0002_payment_aggregate.sql.
_V2: tuple[str, ...] = (
    "ALTER TABLE payments ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE payments ADD COLUMN granted INTEGER NOT NULL DEFAULT 0 CHECK (granted >= 0)",
    "ALTER TABLE payments ADD COLUMN taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0)",
    "ALTER TABLE payments ADD COLUMN restored INTEGER NOT NULL DEFAULT 0 CHECK (restored >= 0)",
    "ALTER TABLE payments ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn >= 0)",
    "ALTER TABLE payments ADD COLUMN disputes TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE payments ADD COLUMN flag TEXT",
    # Rows written by version 1: read what it booked back from the ledger.
    """
    UPDATE payments SET
        granted = coalesce((SELECT t.amount FROM transfers t
                            WHERE t.id = 'purchase:' || payments.id AND t.state = 'posted'), 0),
        taken = coalesce((SELECT sum(t.amount) FROM transfers t
                          WHERE t.reference = payments.id AND t.kind = 'clawback'), 0),
        restored = coalesce((SELECT sum(t.amount) FROM transfers t
                             WHERE t.reference = payments.id AND t.kind = 'restore'), 0)
    """,
    # Version 1 booked a dispute as the claw-back `dispute:<id>` and, when won, the restore
    # `dispute-restore:<id>`; the amount disputed was not kept, so the money still held is assumed.
    """
    UPDATE payments SET disputes = (
        SELECT json_group_array(json_object(
            'id', substr(c.id, 9),
            'status', CASE WHEN EXISTS (SELECT 1 FROM transfers r
                                        WHERE r.id = 'dispute-restore:' || substr(c.id, 9))
                           THEN 'won' WHEN payments.status = 'dispute_lost' THEN 'lost'
                           ELSE 'needs_response' END,
            'amount', payments.amount - payments.refunded_amount))
        FROM transfers c WHERE c.reference = payments.id AND c.kind = 'clawback' AND c.id LIKE 'dispute:%')
    WHERE EXISTS (SELECT 1 FROM transfers c
                  WHERE c.reference = payments.id AND c.kind = 'clawback' AND c.id LIKE 'dispute:%')
    """,
    """
    UPDATE payments SET withdrawn = coalesce((
        SELECT max(json_extract(e.value, '$.amount')) FROM json_each(payments.disputes) e
        WHERE json_extract(e.value, '$.status') <> 'won'), 0)
    WHERE disputes <> '[]'
    """,
    "DELETE FROM processed_events WHERE event_id LIKE 'version:%' OR event_id LIKE 'dispute:%'",
    "CREATE INDEX payments_flagged ON payments (created_at, id) WHERE flag IS NOT NULL",
)

# Version 3 (issue 20): Stars subscriptions and refunds, as adapters/postgres/sql/0003_stars.sql.
_V3: tuple[str, ...] = (
    "ALTER TABLE payments ADD COLUMN period_end INTEGER",
    "ALTER TABLE payments ADD COLUMN refund_request TEXT",
    "CREATE INDEX payments_refund_requests ON payments (created_at, id) WHERE refund_request IS NOT NULL",
    "ALTER TABLE users ADD COLUMN reminders INTEGER NOT NULL DEFAULT 1 CHECK (reminders IN (0, 1))",
    "CREATE INDEX users_tier_until ON users (tier_until, id) WHERE tier_id IS NOT NULL",
)

MIGRATIONS: dict[int, tuple[str, ...]] = {1: _V1, 2: _V2, 3: _V3}
