-- The home dashboard at 1,000,000 contacts: each figure an index scan or range instead of a
-- walk through the table (see store::dashboard).

-- Type, stage and status together, with what the "unverified" finding reads: one narrow scan
-- groups every visible contact for the three charts and the data-quality figure.
CREATE INDEX contacts_dashboard
    ON contacts(contact_type, lifecycle_stage, status, verified_at, erased_at);

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
