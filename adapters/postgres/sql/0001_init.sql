-- The initial schema. Names are unqualified on purpose: the migrator runs with a search_path, so the
-- same file builds the production schema and every test's throwaway schema.

CREATE TABLE users (
    id               text PRIMARY KEY,
    external_ref     text UNIQUE,                 -- NULL once the person asked to be forgotten
    language         text NOT NULL,
    deck_id          text NOT NULL,
    reversals        boolean NOT NULL,
    active           boolean NOT NULL DEFAULT true,
    tier_id          text,
    tier_until       timestamptz,
    purchases_frozen boolean NOT NULL DEFAULT false,
    display_name     text,
    created_at       timestamptz NOT NULL,
    last_seen_at     timestamptz NOT NULL
);

-- The ledger. A row's money fields never change; only a hold's state moves, once, out of pending
-- (enforced by the trigger below). `seq` orders history: timestamps can tie.
CREATE TABLE transfers (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id           text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    debit        text NOT NULL,
    credit       text NOT NULL,
    amount       bigint NOT NULL CHECK (amount >= 0),
    requested    bigint NOT NULL,
    kind         text NOT NULL CHECK (kind <> ''),
    reference    text NOT NULL DEFAULT '',
    state        text NOT NULL CHECK (state IN ('pending', 'posted', 'voided', 'expired')),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,                     -- set for holds only
    resolved_at  timestamptz,                     -- when a hold left pending
    balancing    boolean NOT NULL DEFAULT false,
    CHECK (debit <> credit),
    CHECK (amount > 0 OR balancing),         -- a claw-back that found nothing is kept, with 0
    CHECK (requested >= amount),
    CHECK (requested = amount OR balancing),
    CHECK (NOT (balancing AND expires_at IS NOT NULL)),
    CHECK (expires_at IS NOT NULL OR state = 'posted'),
    CHECK ((resolved_at IS NOT NULL) = (expires_at IS NOT NULL AND state <> 'pending'))
);
CREATE INDEX transfers_debit ON transfers (debit, seq);
CREATE INDEX transfers_credit ON transfers (credit, seq);
CREATE INDEX transfers_due ON transfers (expires_at) WHERE state = 'pending';

CREATE FUNCTION transfers_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.seq, NEW.id, NEW.debit, NEW.credit, NEW.amount, NEW.requested, NEW.kind, NEW.reference,
        NEW.created_at, NEW.expires_at, NEW.balancing)
       IS DISTINCT FROM
       (OLD.seq, OLD.id, OLD.debit, OLD.credit, OLD.amount, OLD.requested, OLD.kind, OLD.reference,
        OLD.created_at, OLD.expires_at, OLD.balancing) THEN
        RAISE EXCEPTION 'transfer %: only the state of a hold may change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.state <> 'pending' AND NEW.state IS DISTINCT FROM OLD.state THEN
        RAISE EXCEPTION 'transfer % is % and final', OLD.id, OLD.state
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER transfers_immutable BEFORE UPDATE ON transfers
    FOR EACH ROW EXECUTE FUNCTION transfers_guard();

-- Balances are maintained by the adapter in the same transaction as the transfer that moves them.
-- The CHECK is the last line of defence: the adapter's conditional UPDATE refuses a spend first, and
-- no sequence of ledger operations can make a user's available balance negative.
CREATE TABLE balances (
    account     text PRIMARY KEY,
    posted      bigint NOT NULL DEFAULT 0,
    pending_out bigint NOT NULL DEFAULT 0 CHECK (pending_out >= 0),
    pending_in  bigint NOT NULL DEFAULT 0 CHECK (pending_in >= 0),
    CONSTRAINT user_available_not_negative CHECK (left(account, 5) <> 'user:' OR posted - pending_out >= 0)
);

-- No foreign key to users: the ports let a reading be stored on its own, as the memory adapter does.
CREATE TABLE readings (
    id                text PRIMARY KEY,
    user_id           text NOT NULL,
    idempotency_key   text NOT NULL,
    spread_id         text NOT NULL,
    deck_id           text NOT NULL,
    language          text NOT NULL,
    question          text NOT NULL,
    answers           jsonb NOT NULL DEFAULT '[]',
    cards             jsonb NOT NULL,
    interpretation    text NOT NULL,
    interpreter       text NOT NULL,
    model             text,
    prompt_tokens     integer NOT NULL DEFAULT 0,
    completion_tokens integer NOT NULL DEFAULT 0,
    cached            boolean NOT NULL DEFAULT false,
    cost              bigint NOT NULL DEFAULT 0,
    hold_id           text,
    fallback          boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX readings_user_newest ON readings (user_id, created_at DESC, id DESC);
CREATE INDEX readings_created ON readings (created_at);

CREATE TABLE follow_ups (
    reading_id        text NOT NULL REFERENCES readings (id) ON DELETE CASCADE,
    seq               integer NOT NULL,
    question          text NOT NULL,
    text              text NOT NULL,
    interpreter       text NOT NULL,
    model             text,
    prompt_tokens     integer NOT NULL DEFAULT 0,
    completion_tokens integer NOT NULL DEFAULT 0,
    cached            boolean NOT NULL DEFAULT false,
    cost              bigint NOT NULL DEFAULT 0,
    hold_id           text,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (reading_id, seq)
);

CREATE TABLE payments (
    id              text PRIMARY KEY,
    provider        text NOT NULL,
    provider_ref    text,
    user_id         text NOT NULL,
    product_id      text NOT NULL,
    amount          bigint NOT NULL,
    currency        text NOT NULL,
    credits         bigint NOT NULL,
    status          text NOT NULL,
    refunded_amount bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    UNIQUE (provider, provider_ref)
);
CREATE INDEX payments_user_newest ON payments (user_id, created_at DESC, id DESC);

CREATE TABLE payment_status_history (
    payment_id text NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    status     text NOT NULL,
    at         timestamptz NOT NULL,
    note       text NOT NULL DEFAULT '',
    PRIMARY KEY (payment_id, seq)
);

CREATE TABLE processed_events (
    provider     text NOT NULL,
    event_id     text NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (provider, event_id)
);
