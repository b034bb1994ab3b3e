-- Telegram Stars complete (issue 20): subscriptions dated by Telegram, refunds that wait to be carried
-- out, and the opt-out of the reminder that a one-off tier pass is ending.
ALTER TABLE payments
    ADD COLUMN period_end     timestamptz, -- the end of the subscription period the money pays for
    ADD COLUMN refund_request text;        -- why the money should go back, until it has (or was refused)

CREATE INDEX payments_refund_requests ON payments (created_at, id) WHERE refund_request IS NOT NULL;

ALTER TABLE users ADD COLUMN reminders boolean NOT NULL DEFAULT true;

CREATE INDEX users_tier_until ON users (tier_until, id) WHERE tier_id IS NOT NULL;
