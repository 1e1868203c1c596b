-- 1. The merchant is a term of the links' search index, so a word searched among one
-- merchant's links is an AND of two doclists inside FTS5 (which skips through the long one)
-- instead of reading every match of the word: "perez" in a merchant with 0.2 % of 1,000,000
-- links read about 38,000 matches to find 51. The term is U+E000 (a private-use character,
-- which the tokenizer keeps inside a token and the typed text's splitting never does) and the
-- merchant id in hex: one token whatever the id holds, and no typed word can match it. Column
-- filters are unavailable with detail=none, hence a term nothing else can produce. The search
-- still checks `merchant_id` itself, so the term only narrows.

DROP TRIGGER links_fts_insert;
DROP TRIGGER links_fts_update;
DROP TRIGGER links_fts_delete;
DROP TABLE links_fts;
DROP TABLE links_fts_stale;
DROP VIEW links_search_source;

CREATE VIEW links_search_source (rowid, description, slug, id, amount, merchant) AS
SELECT rowid, description, secondary_link, id,
       printf('%d.%02d', amount_centavos / 100, amount_centavos % 100),
       char(57344) || hex(merchant_id)
FROM links;

CREATE VIRTUAL TABLE links_fts USING fts5 (
    description, slug, id, amount, merchant,
    content = 'links_search_source', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6',
    detail = none, columnsize = 0
);

-- As in 0006: the indexed values of links changed since they were indexed.
CREATE TABLE links_fts_stale (
    rowid       INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    slug        TEXT NOT NULL,
    id          TEXT NOT NULL,
    amount      TEXT NOT NULL,
    merchant    TEXT NOT NULL
) STRICT;

CREATE TRIGGER links_fts_insert AFTER INSERT ON links BEGIN
    INSERT INTO links_fts (rowid, description, slug, id, amount, merchant)
    VALUES (NEW.rowid, NEW.description, NEW.secondary_link, NEW.id,
            printf('%d.%02d', NEW.amount_centavos / 100, NEW.amount_centavos % 100),
            char(57344) || hex(NEW.merchant_id));
END;

CREATE TRIGGER links_fts_update
AFTER UPDATE OF description, secondary_link, id, amount_centavos, merchant_id ON links
WHEN OLD.description IS NOT NEW.description OR OLD.secondary_link IS NOT NEW.secondary_link
  OR OLD.id IS NOT NEW.id OR OLD.amount_centavos IS NOT NEW.amount_centavos
  OR OLD.merchant_id IS NOT NEW.merchant_id
BEGIN
    -- Not INSERT OR IGNORE: the upsert's own conflict handling would override it.
    INSERT INTO links_fts_stale (rowid, description, slug, id, amount, merchant)
    SELECT OLD.rowid, OLD.description, OLD.secondary_link, OLD.id,
           printf('%d.%02d', OLD.amount_centavos / 100, OLD.amount_centavos % 100),
           char(57344) || hex(OLD.merchant_id)
    WHERE NOT EXISTS (SELECT 1 FROM links_fts_stale WHERE rowid = OLD.rowid);
END;

CREATE TRIGGER links_fts_delete AFTER DELETE ON links BEGIN
    INSERT INTO links_fts (links_fts, rowid, description, slug, id, amount, merchant)
    SELECT 'delete', OLD.rowid, description, slug, id, amount, merchant
    FROM links_fts_stale WHERE rowid = OLD.rowid
    UNION ALL
    SELECT 'delete', OLD.rowid, OLD.description, OLD.secondary_link, OLD.id,
           printf('%d.%02d', OLD.amount_centavos / 100, OLD.amount_centavos % 100),
           char(57344) || hex(OLD.merchant_id)
    WHERE NOT EXISTS (SELECT 1 FROM links_fts_stale WHERE rowid = OLD.rowid);
    DELETE FROM links_fts_stale WHERE rowid = OLD.rowid;
END;

INSERT INTO links_fts (links_fts) VALUES ('rebuild');

-- 2. Each merchant's link count, kept by triggers: counting read every link's index entry
-- (about 100–150 ms for 1,000,000 links after each commit). One row per merchant, made with
-- it and removed with it; every insert, delete (a sync's removals, a profile's or merchant's
-- cascade) and move of a link changes it in the same transaction. A status change touches
-- nothing: the count is per merchant.
CREATE TABLE merchant_link_counts (
    profile_id  TEXT NOT NULL,
    merchant_id TEXT NOT NULL,
    links       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (profile_id, merchant_id),
    FOREIGN KEY (profile_id, merchant_id) REFERENCES merchants (profile_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

INSERT INTO merchant_link_counts (profile_id, merchant_id, links)
SELECT m.profile_id, m.id,
       (SELECT count(*) FROM links l WHERE l.profile_id = m.profile_id AND l.merchant_id = m.id)
FROM merchants m;

CREATE TRIGGER merchants_count_row AFTER INSERT ON merchants BEGIN
    INSERT INTO merchant_link_counts (profile_id, merchant_id) VALUES (NEW.profile_id, NEW.id);
END;

CREATE TRIGGER links_count_insert AFTER INSERT ON links WHEN NEW.merchant_id IS NOT NULL BEGIN
    UPDATE merchant_link_counts SET links = links + 1
    WHERE profile_id = NEW.profile_id AND merchant_id = NEW.merchant_id;
END;

CREATE TRIGGER links_count_delete AFTER DELETE ON links WHEN OLD.merchant_id IS NOT NULL BEGIN
    UPDATE merchant_link_counts SET links = links - 1
    WHERE profile_id = OLD.profile_id AND merchant_id = OLD.merchant_id;
END;

CREATE TRIGGER links_count_update AFTER UPDATE OF profile_id, merchant_id ON links
WHEN OLD.profile_id IS NOT NEW.profile_id OR OLD.merchant_id IS NOT NEW.merchant_id
BEGIN
    UPDATE merchant_link_counts SET links = links - 1
    WHERE profile_id = OLD.profile_id AND merchant_id = OLD.merchant_id;
    UPDATE merchant_link_counts SET links = links + 1
    WHERE profile_id = NEW.profile_id AND merchant_id = NEW.merchant_id;
END;
