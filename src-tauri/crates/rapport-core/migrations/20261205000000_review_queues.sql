-- Who works through which contacts of the monthly verification queue and the quarterly review
-- queue. The queues themselves are not stored: a contact is in one while its verification is
-- due; verifying it takes it out, whoever was assigned.
CREATE TABLE queue_assignments (
    queue       TEXT NOT NULL CHECK (queue IN ('verification', 'review')),
    period      TEXT NOT NULL, -- '2026-11' for a month, '2026-Q4' for a quarter
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    assignee_id INTEGER NOT NULL REFERENCES users(id),
    assigned_by INTEGER REFERENCES users(id),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (queue, period, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX queue_assignments_assignee ON queue_assignments(assignee_id, queue, period);
