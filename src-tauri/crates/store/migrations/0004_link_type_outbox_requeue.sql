-- Billpocket's link `type` (only 2 appears in the documented samples), kept so that an edit
-- sends back what the link has.
ALTER TABLE links ADD COLUMN link_type INTEGER NOT NULL DEFAULT 2;

-- A write whose connection never opened was not delivered, so it may go back from `sent` to
-- `pending` (queued until the provider is reachable). The app only does this for errors that
-- prove nothing was sent; anything else after sending becomes `uncertain`.
DROP TRIGGER outbox_legal_transition;
CREATE TRIGGER outbox_legal_transition
BEFORE UPDATE OF state ON outbox
WHEN (OLD.state || '>' || NEW.state) NOT IN (
    'pending>sent', 'pending>failed',
    'sent>done', 'sent>failed', 'sent>uncertain', 'sent>pending',
    'uncertain>done', 'uncertain>failed', 'uncertain>pending'
)
BEGIN
    SELECT RAISE(ABORT, 'outbox.illegal_transition');
END;
