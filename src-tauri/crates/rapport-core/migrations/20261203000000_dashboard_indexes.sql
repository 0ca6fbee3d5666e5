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
