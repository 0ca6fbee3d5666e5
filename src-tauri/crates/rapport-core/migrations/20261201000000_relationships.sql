-- Relationship maps: relationships between contacts (reports-to hierarchies and other kinds),
-- levels and teams inside an account, the account's communication flows, and the undo log of
-- relationship edits.

CREATE TABLE relationship_kinds (
    code         TEXT PRIMARY KEY NOT NULL,
    label        TEXT NOT NULL,
    built_in     INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
    -- A hierarchy: the core refuses an edge that closes a loop.
    hierarchical INTEGER NOT NULL DEFAULT 0 CHECK (hierarchical IN (0, 1)),
    -- from -> to means something different from to -> from.
    directed     INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1))
) STRICT;
INSERT INTO relationship_kinds (code, label, built_in, hierarchical, directed) VALUES
    ('reports_to', 'Reports to', 1, 1, 1),
    ('assistant_of', 'Assistant of', 1, 0, 1),
    ('works_with', 'Works with', 1, 0, 0),
    ('influences', 'Influences', 1, 0, 1);

-- reports_to: from = the person, to = their manager; assistant_of: from = the assistant,
-- to = the principal; influences: from influences to. AUTOINCREMENT so an undone removal can
-- put a relationship back under its old id without meeting a newer one there.
CREATE TABLE relationships (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    from_contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    to_contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL REFERENCES relationship_kinds(code),
    note            TEXT,
    starts_on       TEXT, -- YYYY-MM-DD
    ends_on         TEXT,
    created_at      TEXT NOT NULL,
    created_by      INTEGER REFERENCES users(id),
    CHECK (from_contact_id <> to_contact_id),
    UNIQUE (from_contact_id, kind, to_contact_id)
) STRICT;
CREATE INDEX relationships_to ON relationships(to_contact_id, kind, from_contact_id);
-- Everyone has at most one manager.
CREATE UNIQUE INDEX relationships_one_manager ON relationships(from_contact_id)
    WHERE kind = 'reports_to';

CREATE TABLE map_groups (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('level', 'team')),
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    UNIQUE (account_id, name)
) STRICT;

CREATE TABLE map_group_members (
    group_id   INTEGER NOT NULL REFERENCES map_groups(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX map_group_members_contact ON map_group_members(contact_id);

CREATE TABLE communication_flows (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    frequency     TEXT NOT NULL CHECK (frequency IN
                      ('daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'as_needed')),
    format        TEXT,
    owner_user_id INTEGER REFERENCES users(id),
    channel       TEXT,
    note          TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (account_id, name)
) STRICT;

-- A participant is a contact or a whole group, never both.
CREATE TABLE communication_flow_participants (
    id         INTEGER PRIMARY KEY,
    flow_id    INTEGER NOT NULL REFERENCES communication_flows(id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES map_groups(id) ON DELETE CASCADE,
    CHECK ((contact_id IS NULL) <> (group_id IS NULL))
) STRICT;
CREATE INDEX communication_flow_participants_flow ON communication_flow_participants(flow_id);
CREATE INDEX communication_flow_participants_contact
    ON communication_flow_participants(contact_id) WHERE contact_id IS NOT NULL;

-- Undo log of relationship edits: the relationship rows before and after (JSON arrays), so an
-- undo can check nothing changed since and put the old rows back.
CREATE TABLE relationship_changes (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_id   INTEGER REFERENCES users(id),
    summary   TEXT NOT NULL,
    before    TEXT NOT NULL DEFAULT '[]',
    after     TEXT NOT NULL DEFAULT '[]',
    undone_at TEXT,
    undone_by INTEGER REFERENCES users(id)
) STRICT;
