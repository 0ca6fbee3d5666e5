-- The home dashboard at 1,000,000 contacts: each figure an index scan or range instead of a
-- walk through the table (see store::dashboard).

-- Every contact by type, stage and status (and how many of them are erased), kept by the
-- triggers below in the transaction that changes a contact: a site administrator's three
-- charts read these few rows instead of a million contacts.
CREATE TABLE contact_tallies (
    contact_type    TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL,
    status          TEXT NOT NULL,
    contacts        INTEGER NOT NULL,
    erased          INTEGER NOT NULL,
    PRIMARY KEY (contact_type, lifecycle_stage, status)
) STRICT, WITHOUT ROWID;

INSERT INTO contact_tallies (contact_type, lifecycle_stage, status, contacts, erased)
SELECT contact_type, lifecycle_stage, status, count(*), count(erased_at)
FROM contacts GROUP BY contact_type, lifecycle_stage, status;

CREATE TRIGGER contact_tallies_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_tallies (contact_type, lifecycle_stage, status, contacts, erased)
    VALUES (new.contact_type, new.lifecycle_stage, new.status, 1, new.erased_at IS NOT NULL)
    ON CONFLICT (contact_type, lifecycle_stage, status)
    DO UPDATE SET contacts = contacts + 1, erased = erased + excluded.erased;
END;

CREATE TRIGGER contact_tallies_delete AFTER DELETE ON contacts BEGIN
    UPDATE contact_tallies
    SET contacts = contacts - 1, erased = erased - (old.erased_at IS NOT NULL)
    WHERE contact_type = old.contact_type AND lifecycle_stage = old.lifecycle_stage
      AND status = old.status;
END;

CREATE TRIGGER contact_tallies_update
AFTER UPDATE OF contact_type, lifecycle_stage, status, erased_at ON contacts
WHEN old.contact_type <> new.contact_type OR old.lifecycle_stage <> new.lifecycle_stage
  OR old.status <> new.status OR (old.erased_at IS NULL) <> (new.erased_at IS NULL)
BEGIN
    UPDATE contact_tallies
    SET contacts = contacts - 1, erased = erased - (old.erased_at IS NOT NULL)
    WHERE contact_type = old.contact_type AND lifecycle_stage = old.lifecycle_stage
      AND status = old.status;
    INSERT INTO contact_tallies (contact_type, lifecycle_stage, status, contacts, erased)
    VALUES (new.contact_type, new.lifecycle_stage, new.status, 1, new.erased_at IS NOT NULL)
    ON CONFLICT (contact_type, lifecycle_stage, status)
    DO UPDATE SET contacts = contacts + 1, erased = erased + excluded.erased;
END;

-- Active contacts verified since a day: "unverified" is the active ones less these, so only
-- the recent verifications are read.
CREATE INDEX contacts_verified ON contacts(status, verified_at, erased_at);

-- Contacts with no email address and no phone number (the "unreachable" finding); the
-- partial index holds only them, and its columns cover the query.
CREATE INDEX contacts_unreachable
    ON contacts(status, verified_at, primary_email, primary_phone, erased_at)
    WHERE primary_email IS NULL AND primary_phone IS NULL AND erased_at IS NULL;

-- New this month is a range of creation times; changed this month a range of update times
-- that also reads when the contact was created.
CREATE INDEX contacts_created ON contacts(created_at);
CREATE INDEX contacts_updated_created ON contacts(updated_at, created_at);

-- The list filtered to a lifecycle stage (the stage chart's links): its count reads one range,
-- and its pages sorted by name walk the range in order.
CREATE INDEX contacts_by_stage ON contacts(lifecycle_stage, name_key, id);

-- Contacts per territory, as the list's territory filter counts them (each contact with a site
-- there, once), kept by the triggers below in the transaction that changes a contact's sites:
-- a site administrator's territory chart reads one row per territory instead of every link.
CREATE TABLE territory_contacts (
    territory_id INTEGER PRIMARY KEY REFERENCES territories(id),
    contacts     INTEGER NOT NULL
) STRICT;

INSERT INTO territory_contacts (territory_id, contacts)
SELECT s.territory_id, count(DISTINCT cs.contact_id)
FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
GROUP BY s.territory_id;

-- A link adds its contact to the site's territory unless another of the contact's sites is
-- there already; the lookups read the contact's own links by primary key.
CREATE TRIGGER territory_contacts_link_insert AFTER INSERT ON contact_sites
WHEN NOT EXISTS (
    SELECT 1 FROM contact_sites o JOIN sites so ON so.id = o.site_id
    WHERE o.contact_id = new.contact_id AND o.site_id <> new.site_id
      AND so.territory_id = (SELECT territory_id FROM sites WHERE id = new.site_id))
BEGIN
    INSERT INTO territory_contacts (territory_id, contacts)
    SELECT territory_id, 1 FROM sites WHERE id = new.site_id
    ON CONFLICT (territory_id) DO UPDATE SET contacts = contacts + 1;
END;

CREATE TRIGGER territory_contacts_link_delete AFTER DELETE ON contact_sites
WHEN NOT EXISTS (
    SELECT 1 FROM contact_sites o JOIN sites so ON so.id = o.site_id
    WHERE o.contact_id = old.contact_id
      AND so.territory_id = (SELECT territory_id FROM sites WHERE id = old.site_id))
BEGIN
    UPDATE territory_contacts SET contacts = contacts - 1
    WHERE territory_id = (SELECT territory_id FROM sites WHERE id = old.site_id);
END;

-- A link moved to another contact or site (a merge moves the merged contacts' links): the old
-- place loses the contact unless it is still there by another link, the new one gains it
-- unless it was there already.
CREATE TRIGGER territory_contacts_link_update AFTER UPDATE OF contact_id, site_id ON contact_sites
BEGIN
    UPDATE territory_contacts SET contacts = contacts - 1
    WHERE territory_id = (SELECT territory_id FROM sites WHERE id = old.site_id)
      AND NOT EXISTS (
        SELECT 1 FROM contact_sites o JOIN sites so ON so.id = o.site_id
        WHERE o.contact_id = old.contact_id
          AND so.territory_id = (SELECT territory_id FROM sites WHERE id = old.site_id));
    INSERT INTO territory_contacts (territory_id, contacts)
    SELECT territory_id, 1 FROM sites WHERE id = new.site_id
      AND NOT EXISTS (
        SELECT 1 FROM contact_sites o JOIN sites so ON so.id = o.site_id
        WHERE o.contact_id = new.contact_id AND o.site_id <> new.site_id
          AND so.territory_id = (SELECT territory_id FROM sites WHERE id = new.site_id))
    ON CONFLICT (territory_id) DO UPDATE SET contacts = contacts + 1;
END;

-- A site moved to another territory: both territories are counted again.
CREATE TRIGGER territory_contacts_site_moved AFTER UPDATE OF territory_id ON sites
BEGIN
    INSERT INTO territory_contacts (territory_id, contacts)
    SELECT t.id, (SELECT count(DISTINCT cs.contact_id) FROM contact_sites cs
                  JOIN sites s ON s.id = cs.site_id WHERE s.territory_id = t.id)
    FROM territories t WHERE t.id IN (old.territory_id, new.territory_id)
    ON CONFLICT (territory_id) DO UPDATE SET contacts = excluded.contacts;
END;

-- A manager's counts join their scope's posting list to the contacts by id: this narrow copy
-- of the columns the counts, filters and scope read is what they read instead of the wide
-- contact rows (store::contacts::counted names it).
CREATE INDEX contacts_scoped ON contacts(id, contact_type, lifecycle_stage, status, erased_at,
    verified_at, created_at, updated_at, status_changed_at);
