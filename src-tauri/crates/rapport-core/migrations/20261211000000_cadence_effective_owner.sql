-- Whose queue a cadence falls due in, kept on the cadence: the user named on it, else the user
-- whose username is the contact's owner. Counting a user's due cadences (the dashboard, the
-- queue, the notices) then reads one index range, where resolving the owner through each due
-- cadence's contact row cost a second at a million contacts.
ALTER TABLE cadences ADD COLUMN effective_owner_id INTEGER;
UPDATE cadences SET effective_owner_id = coalesce(owner_id,
    (SELECT u.id FROM users u WHERE u.username =
        (SELECT c.owner FROM contacts c WHERE c.id = cadences.contact_id)));
CREATE INDEX cadences_effective_owner ON cadences(effective_owner_id, next_due_at);

-- A cadence set up, given another owner or moved to another contact (a merge).
CREATE TRIGGER cadences_effective_owner_insert AFTER INSERT ON cadences
BEGIN
    UPDATE cadences SET effective_owner_id = coalesce(NEW.owner_id,
        (SELECT u.id FROM users u WHERE u.username =
            (SELECT c.owner FROM contacts c WHERE c.id = NEW.contact_id)))
    WHERE contact_id = NEW.contact_id;
END;
CREATE TRIGGER cadences_effective_owner_update AFTER UPDATE OF owner_id, contact_id ON cadences
BEGIN
    UPDATE cadences SET effective_owner_id = coalesce(NEW.owner_id,
        (SELECT u.id FROM users u WHERE u.username =
            (SELECT c.owner FROM contacts c WHERE c.id = NEW.contact_id)))
    WHERE contact_id = NEW.contact_id;
END;

-- The contact changes owner: cadences without a named owner follow.
CREATE TRIGGER contacts_owner_cadences AFTER UPDATE OF owner ON contacts
WHEN NEW.owner IS NOT OLD.owner
BEGIN
    UPDATE cadences SET effective_owner_id =
        (SELECT u.id FROM users u WHERE u.username = NEW.owner)
    WHERE contact_id = NEW.id AND owner_id IS NULL;
END;

-- A user whose username some contacts already name as owner, created or renamed: only
-- cadences owned by no user yet, or by the renamed one, can change hands.
CREATE TRIGGER users_cadences_insert AFTER INSERT ON users
BEGIN
    UPDATE cadences SET effective_owner_id = NEW.id
    WHERE owner_id IS NULL AND effective_owner_id IS NULL
      AND (SELECT c.owner FROM contacts c WHERE c.id = cadences.contact_id) = NEW.username COLLATE NOCASE;
END;
CREATE TRIGGER users_cadences_rename AFTER UPDATE OF username ON users
WHEN NEW.username IS NOT OLD.username
BEGIN
    UPDATE cadences SET effective_owner_id =
        (SELECT u.id FROM users u WHERE u.username =
            (SELECT c.owner FROM contacts c WHERE c.id = cadences.contact_id))
    WHERE owner_id IS NULL AND (effective_owner_id = NEW.id OR effective_owner_id IS NULL);
END;
CREATE TRIGGER users_cadences_delete AFTER DELETE ON users
BEGIN
    UPDATE cadences SET effective_owner_id = NULL
    WHERE owner_id IS NULL AND effective_owner_id = OLD.id;
END;
