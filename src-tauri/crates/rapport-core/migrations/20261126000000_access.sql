-- Access: users with roles scoped to regions or territories, sign-in state that survives a
-- restart, and the tamper-evident audit trail.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name         TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN
                             ('site_admin', 'regional_manager', 'territory_manager', 'billing_admin')),
    password_hash        TEXT NOT NULL,
    -- Base32 TOTP secret once enrolment is confirmed; a pending one waits for its first code.
    totp_secret          TEXT,
    totp_pending_secret  TEXT,
    -- The last accepted 30-second step: a code is never accepted twice.
    totp_last_step       INTEGER,
    failed_attempts      INTEGER NOT NULL DEFAULT 0,
    -- Back-off after a failure, or the lock after too many: no attempt is checked before it.
    locked_until         TEXT,
    disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    last_sign_in_at      TEXT
) STRICT;

CREATE TABLE user_regions (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    region_id INTEGER NOT NULL REFERENCES regions(id),
    PRIMARY KEY (user_id, region_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE user_territories (
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    PRIMARY KEY (user_id, territory_id)
) STRICT, WITHOUT ROWID;

-- One-time recovery codes for a user who lost their authenticator; stored as hashes.
CREATE TABLE user_recovery_codes (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   TEXT,
    PRIMARY KEY (user_id, code_hash)
) STRICT, WITHOUT ROWID;

-- The scope query of a billing administrator looks up billing roles by contact.
CREATE INDEX contact_sites_role ON contact_sites(role, contact_id);

-- Append-only audit trail. Each event's hash covers its fields, the digest of its payload and
-- the previous event's hash, so a changed, removed or inserted row breaks the chain from there.
CREATE TABLE audit_events (
    seq            INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    user_id        INTEGER,
    username       TEXT NOT NULL,
    action         TEXT NOT NULL,
    entity         TEXT NOT NULL,
    entity_id      TEXT,
    -- Non-personal facts (counts, field names, ids): kept forever.
    summary        TEXT NOT NULL,
    -- SHA-256 of the payload's body; the body itself may be erased.
    payload_digest TEXT,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_entity ON audit_events(entity, entity_id, seq);
CREATE INDEX audit_events_user ON audit_events(user_id, seq);

-- Personal before/after values, apart from the chain so that erasing a person deletes them
-- while the chain (which holds only their digests) still verifies.
CREATE TABLE audit_payloads (
    seq        INTEGER PRIMARY KEY REFERENCES audit_events(seq),
    contact_id INTEGER,
    body       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_payloads_contact ON audit_payloads(contact_id, seq);

CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_payloads_no_update BEFORE UPDATE ON audit_payloads
BEGIN
    SELECT RAISE(ABORT, 'audit payloads can be erased but not changed');
END;
