-- A changed link's index entry used to be replaced inside its update trigger: a delete and an
-- insert of the same rowid. FTS5 buffers index writes only while rowids ascend, so each
-- changed link flushed a tiny segment and set off merges: a sync changing 100,000 of
-- 1,000,000 links took 24 s. The trigger now only keeps the values the index holds for the
-- row; before each write transaction commits, the store replaces those entries in rowid order
-- (all deletes, then all inserts), which FTS5 buffers as two runs.

-- The indexed values of links changed since they were indexed (one row per link: the first
-- change keeps what the index still holds).
CREATE TABLE links_fts_stale (
    rowid       INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    slug        TEXT NOT NULL,
    id          TEXT NOT NULL,
    amount      TEXT NOT NULL
) STRICT;

DROP TRIGGER links_fts_update;
CREATE TRIGGER links_fts_update AFTER UPDATE OF description, secondary_link, id, amount_centavos
ON links
WHEN OLD.description IS NOT NEW.description OR OLD.secondary_link IS NOT NEW.secondary_link
  OR OLD.id IS NOT NEW.id OR OLD.amount_centavos IS NOT NEW.amount_centavos
BEGIN
    -- Not INSERT OR IGNORE: the upsert's own conflict handling would override it.
    INSERT INTO links_fts_stale (rowid, description, slug, id, amount)
    SELECT OLD.rowid, OLD.description, OLD.secondary_link, OLD.id,
           printf('%d.%02d', OLD.amount_centavos / 100, OLD.amount_centavos % 100)
    WHERE NOT EXISTS (SELECT 1 FROM links_fts_stale WHERE rowid = OLD.rowid);
END;

-- A deleted link's entry is removed with the values the index holds: the kept ones when the
-- link changed in the same transaction.
DROP TRIGGER links_fts_delete;
CREATE TRIGGER links_fts_delete AFTER DELETE ON links BEGIN
    INSERT INTO links_fts (links_fts, rowid, description, slug, id, amount)
    SELECT 'delete', OLD.rowid, description, slug, id, amount
    FROM links_fts_stale WHERE rowid = OLD.rowid
    UNION ALL
    SELECT 'delete', OLD.rowid, OLD.description, OLD.secondary_link, OLD.id,
           printf('%d.%02d', OLD.amount_centavos / 100, OLD.amount_centavos % 100)
    WHERE NOT EXISTS (SELECT 1 FROM links_fts_stale WHERE rowid = OLD.rowid);
    DELETE FROM links_fts_stale WHERE rowid = OLD.rowid;
END;
