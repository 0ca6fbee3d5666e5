-- Pager and other numbers keep their kind (an import stored them as mobile and office).
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt with the same rows.
CREATE TABLE contact_phones_new (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('office', 'mobile', 'home', 'fax', 'pager', 'other')),
    e164       TEXT NOT NULL,
    extension  TEXT,
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    -- Digit forms a user may type (international, national significant, trunk-prefixed),
    -- written by the core; feeds the search index.
    search_digits TEXT NOT NULL
) STRICT;
INSERT INTO contact_phones_new (id, contact_id, kind, e164, extension, is_primary, search_digits)
    SELECT id, contact_id, kind, e164, extension, is_primary, search_digits FROM contact_phones;
DROP TABLE contact_phones;
ALTER TABLE contact_phones_new RENAME TO contact_phones;
CREATE INDEX contact_phones_contact ON contact_phones(contact_id);
CREATE INDEX contact_phones_e164 ON contact_phones(e164);
