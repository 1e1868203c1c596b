-- Where an UnDosTres account's customer credentials (OAuth token, refresh token, private key)
-- stand, never the credentials themselves: NULL for an account this installation did not
-- create; 'stored' in the OS keyring; 'waiting' in the app's memory because the keyring refused
-- them; 'lost' when they never reached the vault (a lost create answer, or a restart while they
-- waited). The UI shows it on the account.
ALTER TABLE undostres_accounts ADD COLUMN secrets TEXT
    CHECK (secrets IS NULL OR secrets IN ('stored', 'waiting', 'lost'));
