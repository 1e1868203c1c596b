-- A write the provider answered without making the change ends in a state of its own,
-- `not_applied`, with the fields whose answered value differs from what was asked (a JSON array
-- of field names). The user sends it again (`not_applied` → `sent`) or discards it (→ `failed`).
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
CREATE TABLE outbox_new (
    seq             INTEGER PRIMARY KEY,
    profile_id      TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    intent          TEXT NOT NULL CHECK (json_valid(intent)),
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'uncertain', 'not_applied', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error_code TEXT,
    result_ref      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    differences     TEXT CHECK (differences IS NULL OR json_valid(differences))
) STRICT;
INSERT INTO outbox_new (seq, profile_id, idempotency_key, kind, intent, state, attempts,
                        last_error_code, result_ref, created_at, updated_at)
    SELECT seq, profile_id, idempotency_key, kind, intent, state, attempts, last_error_code,
           result_ref, created_at, updated_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_open ON outbox (profile_id, state)
    WHERE state IN ('pending', 'sent', 'uncertain', 'not_applied');

CREATE TRIGGER outbox_legal_transition
BEFORE UPDATE OF state ON outbox
WHEN (OLD.state || '>' || NEW.state) NOT IN (
    'pending>sent', 'pending>failed',
    'sent>done', 'sent>failed', 'sent>uncertain', 'sent>pending', 'sent>not_applied',
    'uncertain>done', 'uncertain>failed', 'uncertain>pending', 'uncertain>not_applied',
    'not_applied>sent', 'not_applied>failed'
)
BEGIN
    SELECT RAISE(ABORT, 'outbox.illegal_transition');
END;
