-- A merchant's list sorted by date read the whole merchant from links_by_merchant and sorted
-- it (a small merchant among 1,000,000 links: 7 ms at p50), or walked the date index past
-- every other merchant's links. With the date in the index its pages are read in order.
-- Same number of indexes, so syncs write as many entries as before.
DROP INDEX links_by_merchant;
CREATE INDEX links_by_merchant ON links (profile_id, merchant_id, created_at);
-- Dropping the index dropped its statistics, and the planner takes an index without them for a
-- selective one (a LIKE scan then read the merchant index instead of the date order). Analysing
-- this one index reads it once (0.2 s for 1,000,000 links); a sampled ANALYZE
-- (`analysis_limit`) was tried and guessed 1,001 rows per profile, the same mistake.
ANALYZE links_by_merchant;

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
ANALYZE customers_by_name;
ANALYZE customers_by_oldest_pending;
