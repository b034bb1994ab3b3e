-- Payments as aggregates (issue 14): the state that decides the credits a payment leaves with its
-- buyer, a version for optimistic concurrency (instead of `version:<id>:<n>` rows in
-- processed_events), and a flag for money whose credits wait for an operator.
ALTER TABLE payments
    ADD COLUMN version   bigint NOT NULL DEFAULT 0,
    ADD COLUMN granted   bigint NOT NULL DEFAULT 0,   -- credits issued for the money
    ADD COLUMN taken     bigint NOT NULL DEFAULT 0,   -- credits its claw-backs took
    ADD COLUMN restored  bigint NOT NULL DEFAULT 0,   -- credits its restores gave back
    ADD COLUMN withdrawn bigint NOT NULL DEFAULT 0,   -- money a chargeback holds (from `disputes`)
    ADD COLUMN disputes  jsonb NOT NULL DEFAULT '[]', -- [{id, status, amount}]
    ADD COLUMN flag      text,                        -- why the credits wait for an operator
    ADD CONSTRAINT payments_amounts_not_negative
        CHECK (granted >= 0 AND taken >= 0 AND restored >= 0 AND withdrawn >= 0 AND refunded_amount >= 0);

-- Rows written by earlier releases: read what they booked back from the ledger.
UPDATE payments p SET granted = t.amount
FROM transfers t
WHERE t.id = 'purchase:' || p.id AND t.state = 'posted';

UPDATE payments p SET taken = m.taken, restored = m.restored
FROM (
    SELECT reference,
           sum(CASE WHEN kind = 'clawback' THEN amount ELSE 0 END) AS taken,
           sum(CASE WHEN kind = 'restore' THEN amount ELSE 0 END) AS restored
    FROM transfers WHERE kind IN ('clawback', 'restore') GROUP BY reference
) m
WHERE m.reference = p.id;

-- Earlier releases booked a dispute as the claw-back `dispute:<id>` and, when won, the restore
-- `dispute-restore:<id>`; the amount disputed was not kept, so the money still held is assumed.
UPDATE payments p SET disputes = d.list
FROM (
    SELECT c.reference,
           jsonb_agg(jsonb_build_object(
               'id', substr(c.id, 9),
               'status', CASE WHEN r.id IS NOT NULL THEN 'won'
                              WHEN pp.status = 'dispute_lost' THEN 'lost'
                              ELSE 'needs_response' END,
               'amount', pp.amount - pp.refunded_amount) ORDER BY c.seq) AS list
    FROM transfers c
    JOIN payments pp ON pp.id = c.reference
    LEFT JOIN transfers r ON r.id = 'dispute-restore:' || substr(c.id, 9)
    WHERE c.kind = 'clawback' AND c.id LIKE 'dispute:%'
    GROUP BY c.reference
) d
WHERE d.reference = p.id;

UPDATE payments SET withdrawn = coalesce((
    SELECT max((e ->> 'amount')::bigint) FROM jsonb_array_elements(disputes) e
    WHERE e ->> 'status' <> 'won'), 0)
WHERE disputes <> '[]'::jsonb;

-- Versions live on the row now; the old claims are spent history.
DELETE FROM processed_events WHERE event_id LIKE 'version:%' OR event_id LIKE 'dispute:%';

CREATE INDEX payments_flagged ON payments (created_at, id) WHERE flag IS NOT NULL;
