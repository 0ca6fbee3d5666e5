-- The contacts of each territory, each region and the billing administrators' scope, with what
-- a dashboard and the engagement figures count of them, one range of one index per area: a
-- manager's figures read their area in order instead of looking up tens of thousands of
-- contact rows, summaries and answers scattered over the file (seconds at 1,000,000 contacts).
--
-- An area is a territory (its id), a region (minus its id) or billing (0). A contact is in a
-- territory or region while it is at one of its sites and not archived (a manager's scope, as
-- the contact list applies it), and in billing while it is at a site, not archived, and is a
-- billing contact or has the billing role at one of its sites (a billing administrator's
-- scope). Erasing a person removes their sites, so erased contacts are in no area. A row
-- copies the contact's counted columns, its engagement summary and its open escalation, and
-- `area_responses` copies its answers. Kept by the triggers below in the writing transaction:
-- whatever can change a contact's areas gathers that contact's rows again from `area_members`.
CREATE TABLE area_contacts (
    area              INTEGER NOT NULL,
    contact_id        INTEGER NOT NULL,
    contact_type      TEXT NOT NULL,
    lifecycle_stage   TEXT NOT NULL,
    status            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    status_changed_at TEXT,
    verified_at       TEXT,
    unreachable       INTEGER NOT NULL, -- no email address and no phone number
    billing           INTEGER NOT NULL, -- in billing's scope too
    touchpoints       INTEGER NOT NULL,
    attempts          INTEGER NOT NULL,
    inbound           INTEGER NOT NULL,
    answered          INTEGER NOT NULL,
    last_contact_at   TEXT,
    non_responsive    INTEGER NOT NULL,
    PRIMARY KEY (area, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX area_contacts_contact ON area_contacts(contact_id);
-- The dashboard's month and data quality, each a range within the area (as the contacts'
-- own indexes of migration 20261203000000 are for everyone).
CREATE INDEX area_contacts_created ON area_contacts(area, created_at);
CREATE INDEX area_contacts_updated ON area_contacts(area, updated_at, created_at);
CREATE INDEX area_contacts_deactivated ON area_contacts(area, status_changed_at)
    WHERE status = 'inactive';
CREATE INDEX area_contacts_verified ON area_contacts(area, verified_at) WHERE status = 'active';
CREATE INDEX area_contacts_unreachable ON area_contacts(area, status, verified_at)
    WHERE unreachable = 1;
-- A territory's billing contacts: a billing administrator's count per territory.
CREATE INDEX area_contacts_billing ON area_contacts(area) WHERE billing = 1;

-- How many of an area's contacts have each type, stage and status.
CREATE TABLE area_tallies (
    area            INTEGER NOT NULL,
    contact_type    TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL,
    status          TEXT NOT NULL,
    contacts        INTEGER NOT NULL,
    PRIMARY KEY (area, contact_type, lifecycle_stage, status)
) STRICT, WITHOUT ROWID;

-- The answers of an area's contacts in `seconds` order: the median is an offset into the range.
CREATE TABLE area_responses (
    area         INTEGER NOT NULL,
    seconds      INTEGER NOT NULL,
    contact_id   INTEGER NOT NULL,
    responded_at TEXT NOT NULL,
    PRIMARY KEY (area, seconds, contact_id, responded_at)
) STRICT, WITHOUT ROWID;

-- What each area's rows should be. The triggers select from here with a `contact_id`
-- condition, which SQLite pushes into each branch (one contact's sites, not every contact's).
CREATE VIEW area_members AS
    SELECT s.territory_id AS area, c.id AS contact_id, c.contact_type, c.lifecycle_stage,
           c.status, c.created_at, c.updated_at, c.status_changed_at, c.verified_at,
           c.primary_email IS NULL AND c.primary_phone IS NULL AS unreachable,
           c.contact_type = 'billing' OR EXISTS (SELECT 1 FROM contact_sites b
               WHERE b.contact_id = c.id AND b.role = 'billing') AS billing,
           ifnull(e.touchpoints, 0) AS touchpoints, ifnull(e.attempts, 0) AS attempts,
           ifnull(e.inbound, 0) AS inbound, ifnull(e.answered, 0) AS answered,
           e.last_contact_at,
           (SELECT count(*) FROM escalations x WHERE x.contact_id = c.id AND x.resolved_at IS NULL)
               AS non_responsive
    FROM contact_sites cs
    JOIN contacts c ON c.id = cs.contact_id
    JOIN sites s ON s.id = cs.site_id
    LEFT JOIN contact_engagement e ON e.contact_id = c.id
    WHERE c.status <> 'archived'
    GROUP BY s.territory_id, c.id
    UNION ALL
    SELECT -t.region_id, c.id, c.contact_type, c.lifecycle_stage, c.status, c.created_at,
           c.updated_at, c.status_changed_at, c.verified_at,
           c.primary_email IS NULL AND c.primary_phone IS NULL,
           c.contact_type = 'billing' OR EXISTS (SELECT 1 FROM contact_sites b
               WHERE b.contact_id = c.id AND b.role = 'billing'),
           ifnull(e.touchpoints, 0), ifnull(e.attempts, 0), ifnull(e.inbound, 0),
           ifnull(e.answered, 0), e.last_contact_at,
           (SELECT count(*) FROM escalations x WHERE x.contact_id = c.id AND x.resolved_at IS NULL)
    FROM contact_sites cs
    JOIN contacts c ON c.id = cs.contact_id
    JOIN sites s ON s.id = cs.site_id
    JOIN territories t ON t.id = s.territory_id
    LEFT JOIN contact_engagement e ON e.contact_id = c.id
    WHERE c.status <> 'archived'
    GROUP BY t.region_id, c.id
    UNION ALL
    SELECT 0, c.id, c.contact_type, c.lifecycle_stage, c.status, c.created_at,
           c.updated_at, c.status_changed_at, c.verified_at,
           c.primary_email IS NULL AND c.primary_phone IS NULL, 1,
           ifnull(e.touchpoints, 0), ifnull(e.attempts, 0), ifnull(e.inbound, 0),
           ifnull(e.answered, 0), e.last_contact_at,
           (SELECT count(*) FROM escalations x WHERE x.contact_id = c.id AND x.resolved_at IS NULL)
    FROM contact_sites cs
    JOIN contacts c ON c.id = cs.contact_id
    LEFT JOIN contact_engagement e ON e.contact_id = c.id
    WHERE c.status <> 'archived'
      AND (c.contact_type = 'billing' OR cs.role = 'billing')
    GROUP BY c.id;

INSERT INTO area_contacts SELECT * FROM area_members;
INSERT INTO area_tallies (area, contact_type, lifecycle_stage, status, contacts)
SELECT area, contact_type, lifecycle_stage, status, count(*) FROM area_contacts
GROUP BY area, contact_type, lifecycle_stage, status;
INSERT INTO area_responses (area, seconds, contact_id, responded_at)
SELECT m.area, r.seconds, r.contact_id, r.responded_at
FROM area_contacts m JOIN contact_responses r ON r.contact_id = m.contact_id;

-- An area row counts in its tally and brings the contact's answers with it.
CREATE TRIGGER area_contacts_insert AFTER INSERT ON area_contacts
BEGIN
    INSERT INTO area_tallies (area, contact_type, lifecycle_stage, status, contacts)
    VALUES (new.area, new.contact_type, new.lifecycle_stage, new.status, 1)
    ON CONFLICT (area, contact_type, lifecycle_stage, status) DO UPDATE SET contacts = contacts + 1;
    INSERT INTO area_responses (area, seconds, contact_id, responded_at)
    SELECT new.area, r.seconds, r.contact_id, r.responded_at
    FROM contact_responses r WHERE r.contact_id = new.contact_id;
END;
CREATE TRIGGER area_contacts_delete AFTER DELETE ON area_contacts
BEGIN
    UPDATE area_tallies SET contacts = contacts - 1
    WHERE area = old.area AND contact_type = old.contact_type
      AND lifecycle_stage = old.lifecycle_stage AND status = old.status;
    DELETE FROM area_responses
    WHERE area = old.area AND (seconds, contact_id, responded_at) IN
          (SELECT r.seconds, r.contact_id, r.responded_at FROM contact_responses r
           WHERE r.contact_id = old.contact_id);
END;
CREATE TRIGGER area_contacts_tally_update
    AFTER UPDATE OF contact_type, lifecycle_stage, status ON area_contacts
WHEN old.contact_type <> new.contact_type OR old.lifecycle_stage <> new.lifecycle_stage
     OR old.status <> new.status
BEGIN
    UPDATE area_tallies SET contacts = contacts - 1
    WHERE area = old.area AND contact_type = old.contact_type
      AND lifecycle_stage = old.lifecycle_stage AND status = old.status;
    INSERT INTO area_tallies (area, contact_type, lifecycle_stage, status, contacts)
    VALUES (new.area, new.contact_type, new.lifecycle_stage, new.status, 1)
    ON CONFLICT (area, contact_type, lifecycle_stage, status) DO UPDATE SET contacts = contacts + 1;
END;

-- A contact's sites (added, removed, moved by a merge, its role changed): its areas again.
CREATE TRIGGER area_contacts_site_link_insert AFTER INSERT ON contact_sites
BEGIN
    DELETE FROM area_contacts WHERE contact_id = new.contact_id;
    INSERT INTO area_contacts SELECT * FROM area_members WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER area_contacts_site_link_delete AFTER DELETE ON contact_sites
BEGIN
    DELETE FROM area_contacts WHERE contact_id = old.contact_id;
    INSERT INTO area_contacts SELECT * FROM area_members WHERE contact_id = old.contact_id;
END;
CREATE TRIGGER area_contacts_site_link_update AFTER UPDATE OF contact_id, site_id, role
    ON contact_sites
BEGIN
    DELETE FROM area_contacts WHERE contact_id IN (old.contact_id, new.contact_id);
    INSERT INTO area_contacts SELECT * FROM area_members
    WHERE contact_id IN (old.contact_id, new.contact_id);
END;

-- The contact's counted columns follow it; archiving or restoring it, or making it a
-- billing contact (or no longer one) changes its areas.
CREATE TRIGGER area_contacts_contact_update
    AFTER UPDATE OF contact_type, lifecycle_stage, status, created_at, updated_at,
        status_changed_at, verified_at, primary_email, primary_phone ON contacts
BEGIN
    UPDATE area_contacts
    SET contact_type = new.contact_type, lifecycle_stage = new.lifecycle_stage,
        status = new.status, created_at = new.created_at, updated_at = new.updated_at,
        status_changed_at = new.status_changed_at, verified_at = new.verified_at,
        unreachable = new.primary_email IS NULL AND new.primary_phone IS NULL
    WHERE contact_id = new.id;
END;
CREATE TRIGGER area_contacts_contact_scope AFTER UPDATE OF status, contact_type ON contacts
WHEN (old.status = 'archived') <> (new.status = 'archived')
     OR (old.contact_type = 'billing') <> (new.contact_type = 'billing')
BEGIN
    DELETE FROM area_contacts WHERE contact_id = new.id;
    INSERT INTO area_contacts SELECT * FROM area_members WHERE contact_id = new.id;
END;
CREATE TRIGGER area_contacts_contact_delete AFTER DELETE ON contacts
BEGIN
    DELETE FROM area_contacts WHERE contact_id = old.id;
END;

-- A site moved to another territory, or a territory to another region (an administrator's
-- rare edit): the contacts there are gathered again.
CREATE TRIGGER area_contacts_site_moved AFTER UPDATE OF territory_id ON sites
WHEN old.territory_id <> new.territory_id
BEGIN
    DELETE FROM area_contacts
    WHERE contact_id IN (SELECT contact_id FROM contact_sites WHERE site_id = new.id);
    INSERT INTO area_contacts SELECT * FROM area_members
    WHERE contact_id IN (SELECT contact_id FROM contact_sites WHERE site_id = new.id);
END;
CREATE TRIGGER area_contacts_territory_moved AFTER UPDATE OF region_id ON territories
WHEN old.region_id <> new.region_id
BEGIN
    DELETE FROM area_contacts
    WHERE contact_id IN (SELECT cs.contact_id FROM sites s
                         JOIN contact_sites cs ON cs.site_id = s.id WHERE s.territory_id = new.id);
    INSERT INTO area_contacts SELECT * FROM area_members
    WHERE contact_id IN (SELECT cs.contact_id FROM sites s
                         JOIN contact_sites cs ON cs.site_id = s.id WHERE s.territory_id = new.id);
END;

-- The contact's summary, answers and escalations, copied into its area rows.
CREATE TRIGGER area_contacts_summary_insert AFTER INSERT ON contact_engagement
BEGIN
    UPDATE area_contacts
    SET touchpoints = new.touchpoints, attempts = new.attempts, inbound = new.inbound,
        answered = new.answered, last_contact_at = new.last_contact_at
    WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER area_contacts_summary_update AFTER UPDATE ON contact_engagement
BEGIN
    UPDATE area_contacts
    SET touchpoints = new.touchpoints, attempts = new.attempts, inbound = new.inbound,
        answered = new.answered, last_contact_at = new.last_contact_at
    WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER area_contacts_summary_delete AFTER DELETE ON contact_engagement
BEGIN
    UPDATE area_contacts
    SET touchpoints = 0, attempts = 0, inbound = 0, answered = 0, last_contact_at = NULL
    WHERE contact_id = old.contact_id;
END;

CREATE TRIGGER area_responses_insert AFTER INSERT ON contact_responses
BEGIN
    INSERT INTO area_responses (area, seconds, contact_id, responded_at)
    SELECT area, new.seconds, new.contact_id, new.responded_at
    FROM area_contacts WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER area_responses_delete AFTER DELETE ON contact_responses
BEGIN
    DELETE FROM area_responses
    WHERE area IN (SELECT area FROM area_contacts WHERE contact_id = old.contact_id)
      AND seconds = old.seconds AND contact_id = old.contact_id
      AND responded_at = old.responded_at;
END;
CREATE TRIGGER area_responses_update AFTER UPDATE ON contact_responses
BEGIN
    DELETE FROM area_responses
    WHERE area IN (SELECT area FROM area_contacts WHERE contact_id = old.contact_id)
      AND seconds = old.seconds AND contact_id = old.contact_id
      AND responded_at = old.responded_at;
    INSERT INTO area_responses (area, seconds, contact_id, responded_at)
    SELECT area, new.seconds, new.contact_id, new.responded_at
    FROM area_contacts WHERE contact_id = new.contact_id;
END;

CREATE TRIGGER area_contacts_escalation_insert AFTER INSERT ON escalations
WHEN new.resolved_at IS NULL
BEGIN
    UPDATE area_contacts SET non_responsive = non_responsive + 1
    WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER area_contacts_escalation_update AFTER UPDATE OF contact_id, resolved_at
    ON escalations
BEGIN
    UPDATE area_contacts SET non_responsive = non_responsive - (old.resolved_at IS NULL)
    WHERE contact_id = old.contact_id;
    UPDATE area_contacts SET non_responsive = non_responsive + (new.resolved_at IS NULL)
    WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER area_contacts_escalation_delete AFTER DELETE ON escalations
WHEN old.resolved_at IS NULL
BEGIN
    UPDATE area_contacts SET non_responsive = non_responsive - 1
    WHERE contact_id = old.contact_id;
END;
