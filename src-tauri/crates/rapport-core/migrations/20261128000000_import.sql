-- Imports: their history (what each created and updated, so a whole import can be undone),
-- the column mappings remembered per source, and the fields imported files carry that the
-- contact form has no place for (related people).

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER REFERENCES users(id),
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    site_id     INTEGER REFERENCES sites(id),
    records     INTEGER NOT NULL,
    imported    INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    -- The contacts an import creates get consecutive ids (one writer holds the lock), so the
    -- range names them all without a row per contact.
    first_id    INTEGER,
    last_id     INTEGER,
    created_at  TEXT NOT NULL,
    undone_at   TEXT,
    undone_by   INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX imports_created ON imports(created_at);

-- Existing contacts an import updated, with the contact as it was before (JSON of its rows),
-- which undo writes back. Erasing the person clears `before`.
CREATE TABLE import_updates (
    import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL,
    record     INTEGER NOT NULL,
    before     TEXT,
    PRIMARY KEY (import_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX import_updates_contact ON import_updates(contact_id);

-- A mapping remembered for the next file with the same columns (`source` is a digest of the
-- header row), as JSON {"header": "field key"}.
CREATE TABLE import_mappings (
    source     TEXT PRIMARY KEY NOT NULL,
    mapping    TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Related people as an imported card names them (vCard RELATED: spouse, assistant, ...).
CREATE TABLE contact_related (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT,
    value      TEXT NOT NULL
) STRICT;
CREATE INDEX contact_related_contact ON contact_related(contact_id);
