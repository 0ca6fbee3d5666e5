-- Contact lifecycle: when the status last changed (automatic archival and retention count from
-- it), erasure tombstones, approvals of significant changes, wizard drafts and saved list views.

ALTER TABLE contacts ADD COLUMN status_changed_at TEXT;
-- Contacts stored before this column existed count from their last update.
UPDATE contacts SET status_changed_at = updated_at WHERE status <> 'active';
-- Set when a person's data was erased; the row stays as an anonymous tombstone.
ALTER TABLE contacts ADD COLUMN erased_at TEXT;
CREATE INDEX contacts_status_changed ON contacts(status, status_changed_at);

-- The business justification and approval recorded before a significant change saved.
CREATE TABLE contact_approvals (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    fields        TEXT NOT NULL, -- JSON array of the significant fields that changed
    justification TEXT NOT NULL,
    approved_by   TEXT NOT NULL,
    approved_on   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX contact_approvals_contact ON contact_approvals(contact_id, recorded_at);

-- The new-contact wizard's unfinished work, one per user: kept in the encrypted database so
-- an accidental close loses nothing and nothing lands in webview storage.
CREATE TABLE contact_drafts (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    step       INTEGER NOT NULL,
    body       TEXT NOT NULL, -- the wizard's ContactInput as JSON
    updated_at TEXT NOT NULL
) STRICT;

-- Named searches and filters of the contact list; shared ones are offered to every user,
-- whose own scope still applies when the view runs.
CREATE TABLE saved_views (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    shared     INTEGER NOT NULL CHECK (shared IN (0, 1)),
    query      TEXT NOT NULL, -- search text, filter and sort as JSON
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (user_id, name)
) STRICT;
