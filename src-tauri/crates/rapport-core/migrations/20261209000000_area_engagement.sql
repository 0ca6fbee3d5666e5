-- The contacts of each territory and each region with their engagement, one range of one index
-- per area, so a manager's figures (and a site administrator's for one territory) read their
-- rows in order instead of looking up tens of thousands of summaries and answers scattered
-- over the file (1.4 s for a territory at 10,000,000 interactions).
--
-- An area is a territory (its id) or a region (minus its id). A contact is in an area while it
-- is at one of the area's sites and is neither archived nor erased: a manager's scope. `links`
-- counts those sites; the row copies the contact's summary and counts its open escalation, and
-- `area_responses` copies its answers. Kept by the triggers below in the writing transaction.
CREATE TABLE area_contacts (
    area            INTEGER NOT NULL,
    contact_id      INTEGER NOT NULL,
    links           INTEGER NOT NULL,
    touchpoints     INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    inbound         INTEGER NOT NULL,
    answered        INTEGER NOT NULL,
    last_contact_at TEXT,
    non_responsive  INTEGER NOT NULL,
    PRIMARY KEY (area, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX area_contacts_contact ON area_contacts(contact_id);

-- The answers of an area's contacts in `seconds` order: the median is an offset into the range.
CREATE TABLE area_responses (
    area         INTEGER NOT NULL,
    seconds      INTEGER NOT NULL,
    contact_id   INTEGER NOT NULL,
    responded_at TEXT NOT NULL,
    PRIMARY KEY (area, seconds, contact_id, responded_at)
) STRICT, WITHOUT ROWID;

-- The areas a site is in: its territory and that territory's region.
CREATE VIEW site_areas (site_id, area) AS
    SELECT id, territory_id FROM sites
    UNION ALL
    SELECT s.id, -t.region_id FROM sites s JOIN territories t ON t.id = s.territory_id;

-- What each area's rows should be: the contacts in scope at its sites, with their summaries,
-- The triggers that regather a few contacts select from here with a `contact_id` condition.
CREATE VIEW area_members (area, contact_id, links, touchpoints, attempts, inbound, answered,
                          last_contact_at, non_responsive) AS
    SELECT s.territory_id, c.id, count(*), ifnull(e.touchpoints, 0), ifnull(e.attempts, 0),
           ifnull(e.inbound, 0), ifnull(e.answered, 0), e.last_contact_at,
           (SELECT count(*) FROM escalations x WHERE x.contact_id = c.id AND x.resolved_at IS NULL)
    FROM contact_sites cs
    JOIN contacts c ON c.id = cs.contact_id
    JOIN sites s ON s.id = cs.site_id
    LEFT JOIN contact_engagement e ON e.contact_id = c.id
    WHERE c.status <> 'archived' AND c.erased_at IS NULL
    GROUP BY s.territory_id, c.id
    UNION ALL
    SELECT -t.region_id, c.id, count(*), ifnull(e.touchpoints, 0), ifnull(e.attempts, 0),
           ifnull(e.inbound, 0), ifnull(e.answered, 0), e.last_contact_at,
           (SELECT count(*) FROM escalations x WHERE x.contact_id = c.id AND x.resolved_at IS NULL)
    FROM contact_sites cs
    JOIN contacts c ON c.id = cs.contact_id
    JOIN sites s ON s.id = cs.site_id
    JOIN territories t ON t.id = s.territory_id
    LEFT JOIN contact_engagement e ON e.contact_id = c.id
    WHERE c.status <> 'archived' AND c.erased_at IS NULL
    GROUP BY t.region_id, c.id;

INSERT INTO area_contacts SELECT * FROM area_members;
INSERT INTO area_responses (area, seconds, contact_id, responded_at)
SELECT m.area, r.seconds, r.contact_id, r.responded_at
FROM area_contacts m JOIN contact_responses r ON r.contact_id = m.contact_id;

-- An area row brings the contact's answers with it and takes them away.
CREATE TRIGGER area_contacts_insert AFTER INSERT ON area_contacts
BEGIN
    INSERT INTO area_responses (area, seconds, contact_id, responded_at)
    SELECT new.area, r.seconds, r.contact_id, r.responded_at
    FROM contact_responses r WHERE r.contact_id = new.contact_id;
END;
CREATE TRIGGER area_contacts_delete AFTER DELETE ON area_contacts
BEGIN
    DELETE FROM area_responses
    WHERE area = old.area AND (seconds, contact_id, responded_at) IN
          (SELECT r.seconds, r.contact_id, r.responded_at FROM contact_responses r
           WHERE r.contact_id = old.contact_id);
END;

-- A contact's site: the contact joins (or leaves) the site's territory and region.
CREATE TRIGGER area_contacts_site_link_insert AFTER INSERT ON contact_sites
BEGIN
    INSERT INTO area_contacts
    SELECT m.area, m.contact_id, 1, m.touchpoints, m.attempts, m.inbound, m.answered,
           m.last_contact_at, m.non_responsive
    FROM area_members m
    WHERE m.contact_id = new.contact_id
      AND m.area IN (SELECT area FROM site_areas WHERE site_id = new.site_id)
    ON CONFLICT (area, contact_id) DO UPDATE SET links = links + 1;
END;

CREATE TRIGGER area_contacts_site_link_delete AFTER DELETE ON contact_sites
BEGIN
    UPDATE area_contacts SET links = links - 1
    WHERE contact_id = old.contact_id
      AND area IN (SELECT area FROM site_areas WHERE site_id = old.site_id);
    DELETE FROM area_contacts WHERE contact_id = old.contact_id AND links <= 0;
END;

-- A merge moves a contact's sites to the survivor.
CREATE TRIGGER area_contacts_site_link_update AFTER UPDATE OF contact_id, site_id
    ON contact_sites
BEGIN
    UPDATE area_contacts SET links = links - 1
    WHERE contact_id = old.contact_id
      AND area IN (SELECT area FROM site_areas WHERE site_id = old.site_id);
    DELETE FROM area_contacts WHERE contact_id = old.contact_id AND links <= 0;
    INSERT INTO area_contacts
    SELECT m.area, m.contact_id, 1, m.touchpoints, m.attempts, m.inbound, m.answered,
           m.last_contact_at, m.non_responsive
    FROM area_members m
    WHERE m.contact_id = new.contact_id
      AND m.area IN (SELECT area FROM site_areas WHERE site_id = new.site_id)
    ON CONFLICT (area, contact_id) DO UPDATE SET links = links + 1;
END;

-- Archived, erased, restored: the contact leaves every area or comes back to its sites' areas.
CREATE TRIGGER area_contacts_contact_scope AFTER UPDATE OF status, erased_at ON contacts
WHEN (old.status <> 'archived' AND old.erased_at IS NULL)
     <> (new.status <> 'archived' AND new.erased_at IS NULL)
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
