-- UnDosTres accounts live in `customers` (provider 'undostres': names, e-mail, the RFC as id
-- number, the account level in kyc_level, the account status mapped onto kyc_status), so they
-- are listed and searched with CryptoPocket's customers and their level and status changes land
-- in kyc_history. What only an UnDosTres account has is kept beside its row and removed with it.
CREATE TABLE undostres_accounts (
    customer_rowid    INTEGER PRIMARY KEY REFERENCES customers (rowid) ON DELETE CASCADE,
    -- UnDosTres' own number (1 "Active"); kyc_status holds what it means for KYC.
    account_status    INTEGER NOT NULL,
    mobile            TEXT NOT NULL DEFAULT '',
    curp              TEXT NOT NULL DEFAULT '',
    ewallet_id        INTEGER,
    parent_balance_id TEXT,
    -- The composite balance parent as last read, in centavos.
    credit_line       INTEGER,
    credit_limit      INTEGER,
    available_credit  INTEGER,
    next_billing_date TEXT NOT NULL DEFAULT '',
    next_due_date     TEXT NOT NULL DEFAULT '',
    balance_read_at   INTEGER
) STRICT;

-- This installation's stable identity: UnDosTres ties a customer's tokens to the device that
-- created the account (`device_id`), so it is made once and never changes.
CREATE TABLE installation (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL CHECK (device_id <> '')
) STRICT;
