-- Several drafts per form: support agents keep more than one merchant registration open and
-- resume any of them. A draft is addressed by its own id; `title` is what the list shows.
CREATE TABLE form_drafts (
    id         TEXT PRIMARY KEY NOT NULL,
    profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL CHECK (json_valid(body)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX form_drafts_by_kind ON form_drafts (profile_id, kind, updated_at);

-- The one draft per (profile, form) kept so far keeps its contents under a derived id, unique
-- because (profile_id, kind) was.
INSERT INTO form_drafts (id, profile_id, kind, title, body, created_at, updated_at)
SELECT kind || ':' || profile_id, profile_id, kind, '', body, updated_at, updated_at FROM drafts;
DROP TABLE drafts;

-- Merchant registration data: persona física ('F') or moral ('M'), the CLABE for deposits and
-- its bank, and the non-secret registration form as JSON (never a password).
ALTER TABLE merchants ADD COLUMN person_type TEXT
    CHECK (person_type IS NULL OR person_type IN ('F', 'M'));
ALTER TABLE merchants ADD COLUMN clabe TEXT;
ALTER TABLE merchants ADD COLUMN bank TEXT;
ALTER TABLE merchants ADD COLUMN registration TEXT
    CHECK (registration IS NULL OR json_valid(registration));
