-- Writes to providers: an intent (JSON, never a secret) with its idempotency key and state.
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY,
    profile_id      TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    intent          TEXT NOT NULL CHECK (json_valid(intent)),
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'uncertain', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error_code TEXT,
    result_ref      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_open ON outbox (profile_id, state) WHERE state IN ('pending', 'sent', 'uncertain');

-- The one list of legal state changes; the Rust side maps the abort to a typed error.
-- An uncertain write goes back to pending only after reconciliation found it absent.
CREATE TRIGGER outbox_legal_transition
BEFORE UPDATE OF state ON outbox
WHEN (OLD.state || '>' || NEW.state) NOT IN (
    'pending>sent', 'pending>failed',
    'sent>done', 'sent>failed', 'sent>uncertain',
    'uncertain>done', 'uncertain>failed', 'uncertain>pending'
)
BEGIN
    SELECT RAISE(ABORT, 'outbox.illegal_transition');
END;

-- Unsent form contents, one per profile and form kind.
CREATE TABLE drafts (
    profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (profile_id, kind)
) STRICT;

-- How fresh each cached resource is, per profile ("links/<merchant>", "customers/cryptopocket"...).
CREATE TABLE sync_state (
    profile_id      TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    resource        TEXT NOT NULL,
    synced_at       INTEGER,
    attempted_at    INTEGER NOT NULL,
    last_error_code TEXT,
    PRIMARY KEY (profile_id, resource)
) STRICT;
