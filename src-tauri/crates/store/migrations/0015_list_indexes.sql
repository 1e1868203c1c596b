-- A merchant's list sorted by date read the whole merchant from links_by_merchant and sorted
-- it (a small merchant among 1,000,000 links: 7 ms at p50), or walked the date index past
-- every other merchant's links. With the date in the index its pages are read in order.
-- Same number of indexes, so syncs write as many entries as before.
DROP INDEX links_by_merchant;
CREATE INDEX links_by_merchant ON links (profile_id, merchant_id, created_at);
-- Dropping the index dropped its statistics; `Store::open` analyses it (see
-- `analyze_unanalysed_indexes`).

-- Clientes sorted by name or oldest pending first sorted every matching customer by an
-- expression (100,000 customers: 77 and 111 ms at p50). Indexed on the same expressions as
-- `customers::NAME_KEY` and `OLDEST_PENDING_KEY` (SQLite uses an expression index only for the
-- identical expression), a page is read in order.
CREATE INDEX customers_by_name ON customers (profile_id,
    lower(CASE kind WHEN 'company' THEN company_name
          ELSE last_name || ' ' || second_last_name || ' ' || first_name END));
CREATE INDEX customers_by_oldest_pending ON customers (profile_id,
    CASE WHEN kyc_status IN ('unused', 'processing') THEN created_at
    ELSE created_at + 100000000000 END);
