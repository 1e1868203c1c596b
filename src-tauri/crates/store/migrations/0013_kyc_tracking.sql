-- KYC tracking (issue 17).
--
-- 1. Pending cases the agent was already told passed their target age: each case is notified
--    once, across restarts.
CREATE TABLE kyc_overdue_notified (
    customer_rowid INTEGER PRIMARY KEY REFERENCES customers (rowid) ON DELETE CASCADE,
    notified_at    INTEGER NOT NULL
) STRICT;

-- 2. Id numbers are indexed as written and also without the separators people type or
--    providers keep (RUT 12.345.678-5, a CURP with spaces, a DNI with dots), so either form
--    finds the other. The search text of a customer is the view's; the triggers and the stale
--    table keep the same expression, so the index's 'delete' entries match what it holds.
DROP VIEW customers_search_source;
CREATE VIEW customers_search_source (rowid, name, email, id_number) AS
SELECT rowid, trim(first_name || ' ' || last_name || ' ' || second_last_name || ' ' || company_name),
       email,
       id_number || ' ' || replace(replace(replace(replace(id_number, '-', ''), '.', ''), ' ', ''), '/', '')
FROM customers;

DROP TRIGGER customers_fts_insert;
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts (rowid, name, email, id_number)
    SELECT rowid, name, email, id_number FROM customers_search_source WHERE rowid = NEW.rowid;
END;

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
           OLD.email,
           OLD.id_number || ' ' || replace(replace(replace(replace(OLD.id_number, '-', ''), '.', ''), ' ', ''), '/', '')
    WHERE NOT EXISTS (SELECT 1 FROM customers_fts_stale WHERE rowid = OLD.rowid);
END;

DROP TRIGGER customers_fts_delete;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts (customers_fts, rowid, name, email, id_number)
    SELECT 'delete', OLD.rowid, name, email, id_number
    FROM customers_fts_stale WHERE rowid = OLD.rowid
    UNION ALL
    SELECT 'delete', OLD.rowid,
           trim(OLD.first_name || ' ' || OLD.last_name || ' ' || OLD.second_last_name || ' ' || OLD.company_name),
           OLD.email,
           OLD.id_number || ' ' || replace(replace(replace(replace(OLD.id_number, '-', ''), '.', ''), ' ', ''), '/', '')
    WHERE NOT EXISTS (SELECT 1 FROM customers_fts_stale WHERE rowid = OLD.rowid);
    DELETE FROM customers_fts_stale WHERE rowid = OLD.rowid;
END;

INSERT INTO customers_fts (customers_fts) VALUES ('rebuild');
