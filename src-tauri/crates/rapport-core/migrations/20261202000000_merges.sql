-- Merges of duplicate contacts: what was merged into whom, with a complete copy of every row
-- of every involved contact as it was before (so an undo puts back exactly that), and the
-- aliases that keep a merged contact's id and reference resolving to the survivor.

CREATE TABLE contact_merges (
    id               INTEGER PRIMARY KEY,
    -- No foreign keys to contacts: the merged contacts' rows are gone while the merge holds,
    -- and a survivor may itself be merged later (its aliases then chain).
    survivor_id      INTEGER NOT NULL,
    merged_ids       TEXT NOT NULL,             -- JSON array of contact ids
    choices          TEXT NOT NULL,             -- JSON {"field": contact id whose value won}
    -- JSON {"table": [rows as objects]} of every involved contact before the merge; blobs as
    -- hex. Personal data: an erasure of anyone involved deletes the whole merge.
    snapshot         TEXT NOT NULL,
    -- The same rows right after the merge, as a digest: an undo is refused once they changed.
    after_digest     TEXT NOT NULL DEFAULT '',
    survivor_version INTEGER NOT NULL DEFAULT 0,
    merged_at        TEXT NOT NULL,
    merged_by        INTEGER REFERENCES users(id),
    undone_at        TEXT,
    undone_by        INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX contact_merges_survivor ON contact_merges(survivor_id);

-- Everyone a merge involved (the survivor too), so an erasure finds the merges holding a person.
CREATE TABLE contact_merge_members (
    merge_id   INTEGER NOT NULL REFERENCES contact_merges(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (merge_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_merge_members_contact ON contact_merge_members(contact_id);

-- A merged contact's id and reference, resolving to the survivor while the merge holds.
CREATE TABLE contact_aliases (
    merged_id   INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE,
    survivor_id INTEGER NOT NULL,
    merge_id    INTEGER NOT NULL REFERENCES contact_merges(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX contact_aliases_merge ON contact_aliases(merge_id);
