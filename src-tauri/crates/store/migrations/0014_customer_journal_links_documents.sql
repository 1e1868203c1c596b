-- The customer's journal also records what the app sent on the customer's behalf: a document
-- uploaded (text: its type) and a verification link issued (the KYC form link of a new person,
-- the KYB link of a new company, an enhanced verification link; text: the link). SQLite cannot
-- alter a CHECK, so the table is rebuilt: a new one, every row copied with its seq, the old one
-- dropped, the new one renamed and its index made again. Nothing references the journal, so
-- dropping it breaks no foreign key; all of it runs in the migration's transaction.
CREATE TABLE customer_journal_0014 (
    seq            INTEGER PRIMARY KEY,
    customer_rowid INTEGER NOT NULL REFERENCES customers (rowid) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('note', 'tag_added', 'tag_removed', 'reminder',
                       'document_uploaded', 'kyc_link_issued', 'kyb_link_issued',
                       'enhanced_link_issued')),
    text           TEXT NOT NULL,
    at             INTEGER NOT NULL
) STRICT;
INSERT INTO customer_journal_0014 (seq, customer_rowid, kind, text, at)
    SELECT seq, customer_rowid, kind, text, at FROM customer_journal;
DROP TABLE customer_journal;
ALTER TABLE customer_journal_0014 RENAME TO customer_journal;
CREATE INDEX customer_journal_by_customer ON customer_journal (customer_rowid, seq);
