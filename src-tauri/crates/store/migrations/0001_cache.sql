-- Cache of provider data per profile. Times are Unix seconds (UTC); money is integer centavos.

-- A profile holds no secret: credentials live in the OS keyring under `credential_refs.account`.
CREATE TABLE profiles (
    id                    TEXT PRIMARY KEY NOT NULL,
    name                  TEXT NOT NULL UNIQUE,
    environment           TEXT NOT NULL CHECK (environment IN ('sandbox', 'test', 'production')),
    billpocket_base_url   TEXT,
    cryptopocket_base_url TEXT,
    undostres_base_url    TEXT,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
) STRICT;

CREATE TABLE credential_refs (
    profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    account    TEXT NOT NULL,
    set_at     INTEGER NOT NULL,
    PRIMARY KEY (profile_id, account)
) STRICT, WITHOUT ROWID;

-- Billpocket merchant users.
CREATE TABLE merchants (
    profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL DEFAULT '',
    rfc        TEXT NOT NULL DEFAULT '',
    main_link  TEXT,
    domain     TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    synced_at  INTEGER,
    PRIMARY KEY (profile_id, id)
) STRICT;

-- Billpocket payment links. `months` is the JSON array of MSI options ('[]' = single payment).
CREATE TABLE links (
    rowid            INTEGER PRIMARY KEY,
    profile_id       TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    merchant_id      TEXT,
    description      TEXT NOT NULL DEFAULT '',
    amount_centavos  INTEGER NOT NULL CHECK (amount_centavos >= 0),
    secondary_link   TEXT NOT NULL,
    custom_link_path TEXT NOT NULL,
    status           INTEGER NOT NULL CHECK (status IN (0, 1)),
    expired_at       INTEGER,
    months           TEXT NOT NULL DEFAULT '[]',
    is_fixed_term    INTEGER NOT NULL CHECK (is_fixed_term IN (0, 1)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    synced_at        INTEGER,
    UNIQUE (profile_id, id),
    FOREIGN KEY (profile_id, merchant_id) REFERENCES merchants (profile_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX links_by_created ON links (profile_id, created_at, rowid);
CREATE INDEX links_by_amount ON links (profile_id, amount_centavos, rowid);
CREATE INDEX links_by_expiry ON links (profile_id, expired_at) WHERE expired_at IS NOT NULL;
CREATE INDEX links_by_merchant ON links (profile_id, merchant_id);

-- CryptoPocket persons and companies, UnDosTres accounts.
CREATE TABLE customers (
    rowid            INTEGER PRIMARY KEY,
    profile_id       TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    provider         TEXT NOT NULL CHECK (provider IN ('cryptopocket', 'undostres')),
    id               TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('person', 'company')),
    first_name       TEXT NOT NULL DEFAULT '',
    last_name        TEXT NOT NULL DEFAULT '',
    second_last_name TEXT NOT NULL DEFAULT '',
    company_name     TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    id_type          TEXT NOT NULL DEFAULT '',
    id_number        TEXT NOT NULL DEFAULT '',
    country          TEXT NOT NULL DEFAULT '',
    kyc_status       TEXT NOT NULL CHECK (kyc_status IN ('unused', 'processing', 'valid', 'fail')),
    kyc_level        INTEGER,
    kyc_url          TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    synced_at        INTEGER,
    UNIQUE (profile_id, provider, id)
) STRICT;
CREATE INDEX customers_by_updated ON customers (profile_id, updated_at, rowid);
CREATE INDEX customers_by_kyc ON customers (profile_id, kyc_status, updated_at, rowid);

-- Every KYC status or level change the app observed, oldest first.
CREATE TABLE kyc_history (
    seq             INTEGER PRIMARY KEY,
    customer_rowid  INTEGER NOT NULL REFERENCES customers (rowid) ON DELETE CASCADE,
    from_status     TEXT,
    to_status       TEXT NOT NULL,
    kyc_level       INTEGER,
    observed_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX kyc_history_by_customer ON kyc_history (customer_rowid, seq);

-- Provider catalogues (states, municipalities, activities...) as fetched, with their fetch time.
CREATE TABLE catalogues (
    profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    provider   TEXT NOT NULL,
    name       TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    fetched_at INTEGER NOT NULL,
    PRIMARY KEY (profile_id, provider, name)
) STRICT;
