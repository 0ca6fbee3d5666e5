-- An account's history, newest first, as one range of one index: every interaction of a
-- contact at one of the account's sites, once per account, with the kinds the timeline filters
-- on. Kept by the triggers below in the transaction that changes a link row, a contact's site
-- or a site's account, so the account timeline reads a page (50 entries) instead of walking
-- the whole history's time index or sorting the account's history.
--
-- `links` counts the pairs (link row, contact's site in the account) that put the interaction
-- there: each trigger adds or takes away the pairs its row makes with the other table as it
-- stands, so the count stays right whatever order a merge or an erasure changes rows in, and
-- the entry goes when it reaches zero.
CREATE TABLE account_interactions (
    account_id     INTEGER NOT NULL,
    occurred_at    TEXT NOT NULL,
    interaction_id INTEGER NOT NULL,
    channel        TEXT NOT NULL,
    category       TEXT NOT NULL,
    direction      TEXT NOT NULL,
    links          INTEGER NOT NULL,
    PRIMARY KEY (account_id, occurred_at, interaction_id)
) STRICT, WITHOUT ROWID;

INSERT INTO account_interactions
    (account_id, occurred_at, interaction_id, channel, category, direction, links)
SELECT s.account_id, l.occurred_at, l.interaction_id, l.channel, l.category, l.direction,
       count(*)
FROM interaction_contacts l
JOIN contact_sites cs ON cs.contact_id = l.contact_id
JOIN sites s ON s.id = cs.site_id
WHERE true
GROUP BY s.account_id, l.occurred_at, l.interaction_id;

-- A link row: the interaction joins the accounts of the contact's sites.
CREATE TRIGGER account_interactions_link_insert AFTER INSERT ON interaction_contacts
BEGIN
    INSERT INTO account_interactions
        (account_id, occurred_at, interaction_id, channel, category, direction, links)
    SELECT s.account_id, new.occurred_at, new.interaction_id, new.channel, new.category,
           new.direction, count(*)
    FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
    WHERE cs.contact_id = new.contact_id
    GROUP BY s.account_id
    ON CONFLICT (account_id, occurred_at, interaction_id)
    DO UPDATE SET links = links + excluded.links;
END;

CREATE TRIGGER account_interactions_link_delete AFTER DELETE ON interaction_contacts
BEGIN
    UPDATE account_interactions
    SET links = links - (SELECT count(*) FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                         WHERE cs.contact_id = old.contact_id
                           AND s.account_id = account_interactions.account_id)
    WHERE occurred_at = old.occurred_at AND interaction_id = old.interaction_id
      AND account_id IN (SELECT s.account_id FROM contact_sites cs
                         JOIN sites s ON s.id = cs.site_id WHERE cs.contact_id = old.contact_id);
    DELETE FROM account_interactions
    WHERE occurred_at = old.occurred_at AND interaction_id = old.interaction_id AND links <= 0
      AND account_id IN (SELECT s.account_id FROM contact_sites cs
                         JOIN sites s ON s.id = cs.site_id WHERE cs.contact_id = old.contact_id);
END;

-- A merge moves link rows to the survivor: the old row's pairs go, the new row's come.
CREATE TRIGGER account_interactions_link_update AFTER UPDATE ON interaction_contacts
BEGIN
    UPDATE account_interactions
    SET links = links - (SELECT count(*) FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                         WHERE cs.contact_id = old.contact_id
                           AND s.account_id = account_interactions.account_id)
    WHERE occurred_at = old.occurred_at AND interaction_id = old.interaction_id
      AND account_id IN (SELECT s.account_id FROM contact_sites cs
                         JOIN sites s ON s.id = cs.site_id WHERE cs.contact_id = old.contact_id);
    DELETE FROM account_interactions
    WHERE occurred_at = old.occurred_at AND interaction_id = old.interaction_id AND links <= 0
      AND account_id IN (SELECT s.account_id FROM contact_sites cs
                         JOIN sites s ON s.id = cs.site_id WHERE cs.contact_id = old.contact_id);
    INSERT INTO account_interactions
        (account_id, occurred_at, interaction_id, channel, category, direction, links)
    SELECT s.account_id, new.occurred_at, new.interaction_id, new.channel, new.category,
           new.direction, count(*)
    FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
    WHERE cs.contact_id = new.contact_id
    GROUP BY s.account_id
    ON CONFLICT (account_id, occurred_at, interaction_id)
    DO UPDATE SET links = links + excluded.links;
END;

-- A contact's site: the contact's whole history joins (or leaves) the site's account.
CREATE TRIGGER account_interactions_site_link_insert AFTER INSERT ON contact_sites
BEGIN
    INSERT INTO account_interactions
        (account_id, occurred_at, interaction_id, channel, category, direction, links)
    SELECT (SELECT account_id FROM sites WHERE id = new.site_id), l.occurred_at,
           l.interaction_id, l.channel, l.category, l.direction, 1
    FROM interaction_contacts l WHERE l.contact_id = new.contact_id
    ON CONFLICT (account_id, occurred_at, interaction_id) DO UPDATE SET links = links + 1;
END;

CREATE TRIGGER account_interactions_site_link_delete AFTER DELETE ON contact_sites
BEGIN
    UPDATE account_interactions SET links = links - 1
    WHERE account_id = (SELECT account_id FROM sites WHERE id = old.site_id)
      AND (occurred_at, interaction_id) IN
          (SELECT l.occurred_at, l.interaction_id FROM interaction_contacts l
           WHERE l.contact_id = old.contact_id);
    DELETE FROM account_interactions
    WHERE account_id = (SELECT account_id FROM sites WHERE id = old.site_id) AND links <= 0
      AND (occurred_at, interaction_id) IN
          (SELECT l.occurred_at, l.interaction_id FROM interaction_contacts l
           WHERE l.contact_id = old.contact_id);
END;

CREATE TRIGGER account_interactions_site_link_update AFTER UPDATE OF contact_id, site_id
    ON contact_sites
BEGIN
    UPDATE account_interactions SET links = links - 1
    WHERE account_id = (SELECT account_id FROM sites WHERE id = old.site_id)
      AND (occurred_at, interaction_id) IN
          (SELECT l.occurred_at, l.interaction_id FROM interaction_contacts l
           WHERE l.contact_id = old.contact_id);
    DELETE FROM account_interactions
    WHERE account_id = (SELECT account_id FROM sites WHERE id = old.site_id) AND links <= 0
      AND (occurred_at, interaction_id) IN
          (SELECT l.occurred_at, l.interaction_id FROM interaction_contacts l
           WHERE l.contact_id = old.contact_id);
    INSERT INTO account_interactions
        (account_id, occurred_at, interaction_id, channel, category, direction, links)
    SELECT (SELECT account_id FROM sites WHERE id = new.site_id), l.occurred_at,
           l.interaction_id, l.channel, l.category, l.direction, 1
    FROM interaction_contacts l WHERE l.contact_id = new.contact_id
    ON CONFLICT (account_id, occurred_at, interaction_id) DO UPDATE SET links = links + 1;
END;

-- A site moved to another account (rare, an administrator's edit): both accounts' histories
-- are gathered again.
CREATE TRIGGER account_interactions_site_moved AFTER UPDATE OF account_id ON sites
WHEN old.account_id <> new.account_id
BEGIN
    DELETE FROM account_interactions WHERE account_id IN (old.account_id, new.account_id);
    INSERT INTO account_interactions
        (account_id, occurred_at, interaction_id, channel, category, direction, links)
    SELECT s.account_id, l.occurred_at, l.interaction_id, l.channel, l.category, l.direction,
           count(*)
    FROM sites s
    JOIN contact_sites cs ON cs.site_id = s.id
    JOIN interaction_contacts l ON l.contact_id = cs.contact_id
    WHERE s.account_id IN (old.account_id, new.account_id)
    GROUP BY s.account_id, l.occurred_at, l.interaction_id;
END;
