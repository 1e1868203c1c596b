-- Customers get migration 0006's treatment of links: a changed customer's search entry was
-- replaced inside its update trigger (a delete and an insert of the same rowid), which makes
-- FTS5 flush a tiny segment per customer during a sync. The trigger now only keeps the values
-- the index holds; before each write transaction commits, the store replaces those entries in
-- rowid order (all deletes, then all inserts).

CREATE TABLE customers_fts_stale (
    rowid     INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    email     TEXT NOT NULL,
    id_number TEXT NOT NULL
) STRICT;

DROP TRIGGER customers_fts_update;
CREATE TRIGGER customers_fts_update
AFTER UPDATE OF first_name, last_name, second_last_name, company_name, email, id_number
ON customers
WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
  OR OLD.second_last_name IS NOT NEW.second_last_name OR OLD.company_name IS NOT NEW.company_name
  OR OLD.email IS NOT NEW.email OR OLD.id_number IS NOT NEW.id_number
BEGIN
    -- Not INSERT OR IGNORE: the upsert's own conflict handling would override it.
    INSERT INTO customers_fts_stale (rowid, name, email, id_number)
    SELECT OLD.rowid,
           trim(OLD.first_name || ' ' || OLD.last_name || ' ' || OLD.second_last_name || ' ' || OLD.company_name),
           OLD.email, OLD.id_number
    WHERE NOT EXISTS (SELECT 1 FROM customers_fts_stale WHERE rowid = OLD.rowid);
END;

-- A deleted customer's entry is removed with the values the index holds: the kept ones when
-- the customer changed in the same transaction.
DROP TRIGGER customers_fts_delete;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts (customers_fts, rowid, name, email, id_number)
    SELECT 'delete', OLD.rowid, name, email, id_number
    FROM customers_fts_stale WHERE rowid = OLD.rowid
    UNION ALL
    SELECT 'delete', OLD.rowid,
           trim(OLD.first_name || ' ' || OLD.last_name || ' ' || OLD.second_last_name || ' ' || OLD.company_name),
           OLD.email, OLD.id_number
    WHERE NOT EXISTS (SELECT 1 FROM customers_fts_stale WHERE rowid = OLD.rowid);
    DELETE FROM customers_fts_stale WHERE rowid = OLD.rowid;
END;
