-- No hot row (issue 21): a system account's balance (revenue:readings above all, touched by every
-- reading) is spread over slots, one row per (account, slot); its balance is the sum of its rows.
-- Each transfer records the slot it moved on its system side(s), so a hold is settled on the very row
-- it was held on. User accounts keep one row (slot 0): their spend guard needs a single row to lock.
-- Rows written before this migration are slot 0, so their pending holds settle where they were held.
ALTER TABLE transfers ADD COLUMN slot smallint NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 255);

ALTER TABLE balances ADD COLUMN slot smallint NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 255);
ALTER TABLE balances DROP CONSTRAINT balances_pkey;
ALTER TABLE balances ADD PRIMARY KEY (account, slot);
ALTER TABLE balances ADD CONSTRAINT user_account_one_slot CHECK (left(account, 5) <> 'user:' OR slot = 0);

-- The slot is part of a transfer's money fields: it never changes either.
CREATE OR REPLACE FUNCTION transfers_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.seq, NEW.id, NEW.debit, NEW.credit, NEW.amount, NEW.requested, NEW.kind, NEW.reference,
        NEW.created_at, NEW.expires_at, NEW.balancing, NEW.slot)
       IS DISTINCT FROM
       (OLD.seq, OLD.id, OLD.debit, OLD.credit, OLD.amount, OLD.requested, OLD.kind, OLD.reference,
        OLD.created_at, OLD.expires_at, OLD.balancing, OLD.slot) THEN
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

-- Data growth: the retention purge walks only readings still holding text (blanked rows drop out of
-- the index), oldest first, in short batches.
CREATE INDEX readings_unpurged ON readings (created_at, id)
    WHERE question <> '' OR interpretation <> '' OR answers <> '[]'::jsonb;
CREATE INDEX follow_ups_unpurged ON follow_ups (reading_id) WHERE question <> '' OR text <> '';

-- `tarot admin check` (adapters/sql_audit) reads the payments' claw-backs, restores and grants: at 1M
-- transfers these few rows were found by scanning the whole ledger three times.
CREATE INDEX transfers_payment_moves ON transfers (reference) WHERE kind IN ('clawback', 'restore');
CREATE INDEX transfers_bought ON transfers (reference) WHERE kind IN ('purchase', 'subscription');
