-- Every contact by the month it was created, last changed and (when inactive or archived)
-- deactivated, kept by the triggers below in the transaction that changes a contact: a site
-- administrator's "this month" figures read these few rows instead of a range of a million
-- after a large import. Months are the first seven characters of the stored UTC instants
-- ('2026-11'), so a month compares as its first instant does.
CREATE TABLE contact_months (
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL,
    deactivated TEXT NOT NULL, -- '' unless the contact is inactive or archived
    contacts    INTEGER NOT NULL,
    PRIMARY KEY (created, updated, deactivated)
) STRICT, WITHOUT ROWID;
-- A combination no contact has any more is removed (a merge and its undo leave no trace).
CREATE INDEX contact_months_empty ON contact_months(contacts) WHERE contacts = 0;

CREATE VIEW contact_month_keys AS
    SELECT id, substr(created_at, 1, 7) AS created, substr(updated_at, 1, 7) AS updated,
           CASE WHEN status IN ('inactive', 'archived')
                THEN ifnull(substr(status_changed_at, 1, 7), '') ELSE '' END AS deactivated
    FROM contacts;

INSERT INTO contact_months (created, updated, deactivated, contacts)
SELECT created, updated, deactivated, count(*) FROM contact_month_keys
GROUP BY created, updated, deactivated;

CREATE TRIGGER contact_months_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_months (created, updated, deactivated, contacts)
    SELECT created, updated, deactivated, 1 FROM contact_month_keys WHERE id = new.id
    ON CONFLICT (created, updated, deactivated) DO UPDATE SET contacts = contacts + 1;
END;

CREATE TRIGGER contact_months_delete AFTER DELETE ON contacts BEGIN
    UPDATE contact_months SET contacts = contacts - 1
    WHERE created = substr(old.created_at, 1, 7) AND updated = substr(old.updated_at, 1, 7)
      AND deactivated = CASE WHEN old.status IN ('inactive', 'archived')
                             THEN ifnull(substr(old.status_changed_at, 1, 7), '') ELSE '' END;
    DELETE FROM contact_months WHERE contacts = 0;
END;

CREATE TRIGGER contact_months_update
AFTER UPDATE OF created_at, updated_at, status, status_changed_at ON contacts
BEGIN
    UPDATE contact_months SET contacts = contacts - 1
    WHERE created = substr(old.created_at, 1, 7) AND updated = substr(old.updated_at, 1, 7)
      AND deactivated = CASE WHEN old.status IN ('inactive', 'archived')
                             THEN ifnull(substr(old.status_changed_at, 1, 7), '') ELSE '' END;
    DELETE FROM contact_months WHERE contacts = 0;
    INSERT INTO contact_months (created, updated, deactivated, contacts)
    SELECT created, updated, deactivated, 1 FROM contact_month_keys WHERE id = new.id
    ON CONFLICT (created, updated, deactivated) DO UPDATE SET contacts = contacts + 1;
END;

-- Active contacts not erased by the day (UTC) of their last verification: a site
-- administrator's "verified since the cutoff" is the days after the cutoff's day from here
-- and that one day's range of `contacts_verified`, instead of a range of hundreds of
-- thousands.
CREATE TABLE contact_verified_days (
    day      TEXT PRIMARY KEY, -- '2026-11-25'
    contacts INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO contact_verified_days (day, contacts)
SELECT substr(verified_at, 1, 10), count(*) FROM contacts
WHERE status = 'active' AND erased_at IS NULL AND verified_at IS NOT NULL
GROUP BY substr(verified_at, 1, 10);

CREATE TRIGGER contact_verified_days_insert AFTER INSERT ON contacts
WHEN new.status = 'active' AND new.erased_at IS NULL AND new.verified_at IS NOT NULL
BEGIN
    INSERT INTO contact_verified_days (day, contacts) VALUES (substr(new.verified_at, 1, 10), 1)
    ON CONFLICT (day) DO UPDATE SET contacts = contacts + 1;
END;
CREATE TRIGGER contact_verified_days_delete AFTER DELETE ON contacts
WHEN old.status = 'active' AND old.erased_at IS NULL AND old.verified_at IS NOT NULL
BEGIN
    UPDATE contact_verified_days SET contacts = contacts - 1
    WHERE day = substr(old.verified_at, 1, 10);
    DELETE FROM contact_verified_days WHERE day = substr(old.verified_at, 1, 10) AND contacts = 0;
END;
CREATE TRIGGER contact_verified_days_update AFTER UPDATE OF status, erased_at, verified_at
    ON contacts
BEGIN
    UPDATE contact_verified_days SET contacts = contacts - 1
    WHERE day = substr(old.verified_at, 1, 10)
      AND old.status = 'active' AND old.erased_at IS NULL;
    DELETE FROM contact_verified_days WHERE day = substr(old.verified_at, 1, 10) AND contacts = 0;
    INSERT INTO contact_verified_days (day, contacts)
    SELECT substr(new.verified_at, 1, 10), 1
    WHERE new.status = 'active' AND new.erased_at IS NULL AND new.verified_at IS NOT NULL
    ON CONFLICT (day) DO UPDATE SET contacts = contacts + 1;
END;

-- An area's contacts marked non-responsive now: a one-area user's dashboard figure counts
-- this short range (the index alone) instead of testing every open escalation's contact.
CREATE INDEX area_contacts_non_responsive ON area_contacts(area, non_responsive)
    WHERE non_responsive > 0;

-- A user's open follow-ups in due order now also hold when each is overdue, so the
-- dashboard's due / overdue / upcoming counts of the user are read from the index alone.
DROP INDEX follow_ups_owner_open;
CREATE INDEX follow_ups_owner_open ON follow_ups(owner_id, due_at, id, overdue_at)
    WHERE status = 'open';

-- Who an open escalation waits on: the user of its latest step (none while that level has
-- nobody), kept by the triggers below as steps are added or removed, so "escalations waiting
-- for me" is one range of `escalations_waiting` instead of every step the user ever had.
ALTER TABLE escalations ADD COLUMN waiting_on INTEGER REFERENCES users(id);
UPDATE escalations SET waiting_on = (SELECT s.user_id FROM escalation_steps s
    WHERE s.escalation_id = escalations.id ORDER BY s.step DESC LIMIT 1);
CREATE INDEX escalations_waiting ON escalations(waiting_on) WHERE resolved_at IS NULL;

CREATE TRIGGER escalations_waiting_step_insert AFTER INSERT ON escalation_steps
BEGIN
    UPDATE escalations SET waiting_on = (SELECT s.user_id FROM escalation_steps s
        WHERE s.escalation_id = new.escalation_id ORDER BY s.step DESC LIMIT 1)
    WHERE id = new.escalation_id;
END;
CREATE TRIGGER escalations_waiting_step_delete AFTER DELETE ON escalation_steps
BEGIN
    UPDATE escalations SET waiting_on = (SELECT s.user_id FROM escalation_steps s
        WHERE s.escalation_id = old.escalation_id ORDER BY s.step DESC LIMIT 1)
    WHERE id = old.escalation_id;
END;

-- The open follow-ups of each area's contacts, with their owner and instants: a one-area
-- user's "overdue in my scope" is one range here, and their own due, overdue and upcoming
-- follow-ups one range of `area_follow_ups_owner`, instead of a seek into the area for each
-- follow-up. A row per open follow-up and area of its contact, kept by the triggers below as
-- follow-ups open, close, move, change hands or day, and as contacts enter or leave areas.
CREATE TABLE area_follow_ups (
    area         INTEGER NOT NULL,
    overdue_at   TEXT NOT NULL,
    follow_up_id INTEGER NOT NULL,
    owner_id     INTEGER NOT NULL,
    due_at       TEXT NOT NULL,
    PRIMARY KEY (area, overdue_at, follow_up_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX area_follow_ups_owner ON area_follow_ups(area, owner_id, due_at, overdue_at);

INSERT INTO area_follow_ups (area, overdue_at, follow_up_id, owner_id, due_at)
SELECT a.area, f.overdue_at, f.id, f.owner_id, f.due_at
FROM follow_ups f JOIN area_contacts a ON a.contact_id = f.contact_id
WHERE f.status = 'open';

CREATE TRIGGER area_follow_ups_insert AFTER INSERT ON follow_ups WHEN new.status = 'open'
BEGIN
    INSERT INTO area_follow_ups (area, overdue_at, follow_up_id, owner_id, due_at)
    SELECT area, new.overdue_at, new.id, new.owner_id, new.due_at FROM area_contacts
    WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER area_follow_ups_update
    AFTER UPDATE OF contact_id, status, overdue_at, owner_id, due_at ON follow_ups
BEGIN
    DELETE FROM area_follow_ups
    WHERE old.status = 'open' AND overdue_at = old.overdue_at AND follow_up_id = old.id
      AND area IN (SELECT area FROM area_contacts WHERE contact_id = old.contact_id);
    INSERT INTO area_follow_ups (area, overdue_at, follow_up_id, owner_id, due_at)
    SELECT area, new.overdue_at, new.id, new.owner_id, new.due_at FROM area_contacts
    WHERE new.status = 'open' AND contact_id = new.contact_id;
END;
CREATE TRIGGER area_follow_ups_delete AFTER DELETE ON follow_ups WHEN old.status = 'open'
BEGIN
    DELETE FROM area_follow_ups
    WHERE overdue_at = old.overdue_at AND follow_up_id = old.id
      AND area IN (SELECT area FROM area_contacts WHERE contact_id = old.contact_id);
END;
CREATE TRIGGER area_follow_ups_contact_in AFTER INSERT ON area_contacts
BEGIN
    INSERT INTO area_follow_ups (area, overdue_at, follow_up_id, owner_id, due_at)
    SELECT new.area, f.overdue_at, f.id, f.owner_id, f.due_at FROM follow_ups f
    WHERE f.contact_id = new.contact_id AND f.status = 'open';
END;
CREATE TRIGGER area_follow_ups_contact_out AFTER DELETE ON area_contacts
BEGIN
    DELETE FROM area_follow_ups
    WHERE area = old.area AND (overdue_at, follow_up_id) IN
          (SELECT f.overdue_at, f.id FROM follow_ups f
           WHERE f.contact_id = old.contact_id AND f.status = 'open');
END;
