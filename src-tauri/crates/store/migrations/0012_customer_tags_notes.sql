-- What the agent adds to a customer, kept only here (the providers never see it): the tags it
-- carries now, and a journal of notes, tags added or removed and reminders sent, each with its
-- time, which the customer's timeline shows beside the observed KYC changes (`kyc_history`).
CREATE TABLE customer_tags (
    customer_rowid INTEGER NOT NULL REFERENCES customers (rowid) ON DELETE CASCADE,
    tag            TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
    added_at       INTEGER NOT NULL,
    PRIMARY KEY (customer_rowid, tag)
) STRICT, WITHOUT ROWID;

CREATE TABLE customer_journal (
    seq            INTEGER PRIMARY KEY,
    customer_rowid INTEGER NOT NULL REFERENCES customers (rowid) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('note', 'tag_added', 'tag_removed', 'reminder')),
    text           TEXT NOT NULL,
    at             INTEGER NOT NULL
) STRICT;
CREATE INDEX customer_journal_by_customer ON customer_journal (customer_rowid, seq);
