-- A manager of several territories or regions gets a daily snapshot of their own scope
-- (level 'user', group_id = the user's id): a sum of their areas' snapshots counts a contact with
-- sites in two of them twice. SQLite cannot change a CHECK, so the table is copied.
CREATE TABLE quality_snapshots_new (
    day         TEXT NOT NULL, -- YYYY-MM-DD, UTC
    level       TEXT NOT NULL CHECK (level IN ('all', 'region', 'territory', 'billing', 'user')),
    group_id    INTEGER NOT NULL, -- the region, territory or user; 0 for 'all' and 'billing'
    contacts    INTEGER NOT NULL,
    clean       INTEGER NOT NULL,
    unreachable INTEGER NOT NULL,
    unverified  INTEGER NOT NULL,
    PRIMARY KEY (level, group_id, day)
) STRICT, WITHOUT ROWID;
INSERT INTO quality_snapshots_new SELECT day, level, group_id, contacts, clean, unreachable, unverified
FROM quality_snapshots;
DROP TABLE quality_snapshots;
ALTER TABLE quality_snapshots_new RENAME TO quality_snapshots;
