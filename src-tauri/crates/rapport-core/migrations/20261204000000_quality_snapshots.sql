-- Data quality as it stood each day, for the trends on the dashboard and in the data-quality
-- report. Written once a day (when the app starts or a report is made), for everyone, per
-- region and per territory (contacts not archived with a site there), and for billing.
CREATE TABLE quality_snapshots (
    day         TEXT NOT NULL, -- YYYY-MM-DD, UTC
    level       TEXT NOT NULL CHECK (level IN ('all', 'region', 'territory', 'billing')),
    group_id    INTEGER NOT NULL, -- the region or territory; 0 for 'all' and 'billing'
    contacts    INTEGER NOT NULL,
    clean       INTEGER NOT NULL,
    unreachable INTEGER NOT NULL,
    unverified  INTEGER NOT NULL,
    PRIMARY KEY (level, group_id, day)
) STRICT, WITHOUT ROWID;
