-- Every KYC change the app observed says how it was seen: in the customers list (`sync`), by
-- asking for one customer's status (`check`) or in the answer that created the customer
-- (`create`). The provider keeps no history, so this table is the customer's timeline; rows
-- from before this migration came from list syncs.
ALTER TABLE kyc_history ADD COLUMN source TEXT NOT NULL DEFAULT 'sync'
    CHECK (source IN ('sync', 'check', 'create'));
