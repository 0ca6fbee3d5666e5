-- Engagement at scale (1,000,000 contacts, 10,000,000 interactions): what the dashboards and
-- timelines read instead of walking or sorting history.

-- Every link row in time order: an account's timeline walks this newest first and keeps the
-- rows of the account's contacts, so a page of a big account reads a few thousand index
-- entries instead of sorting the account's whole history. The kinds are carried so the
-- timeline's filters need no lookup into the table.
CREATE INDEX interaction_contacts_time
    ON interaction_contacts(occurred_at, interaction_id, contact_id, channel, category, direction);

-- The latest contact of everyone (the administrator's "last contact") is the top of this index.
CREATE INDEX contact_engagement_last ON contact_engagement(last_contact_at);

-- Non-responsive contacts, longest first (the dashboard's list), without sorting them all.
CREATE INDEX escalations_open_started ON escalations(started_at, id) WHERE resolved_at IS NULL;

-- Erased contacts, so "everyone not erased" is a count minus a handful; with the archived ones,
-- what a manager's scope leaves out of the contacts at their sites.
CREATE INDEX contacts_erased ON contacts(id, erased_at) WHERE erased_at IS NOT NULL;
CREATE INDEX contacts_hidden ON contacts(id, status, erased_at)
    WHERE status = 'archived' OR erased_at IS NOT NULL;

-- The sums of every contact's summary, kept by the triggers below in the transaction that
-- changes a summary, a response or a contact: a site administrator's figures read one row.
-- Erased contacts have no summary, responses or escalations (the erasure deletes them and an
-- erased contact cannot take part in an interaction), so these are the figures of everyone
-- not erased.
CREATE TABLE engagement_totals (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    contacts    INTEGER NOT NULL, -- every contact row, erased ones included
    touchpoints INTEGER NOT NULL,
    attempts    INTEGER NOT NULL,
    inbound     INTEGER NOT NULL,
    answered    INTEGER NOT NULL,
    responses   INTEGER NOT NULL
) STRICT;

-- How many responses took between `bucket * 600` and `bucket * 600 + 599` seconds: the
-- median of every response is found by adding these up to the middle and then reading a few
-- thousand entries of `contact_responses_seconds` inside one bucket.
CREATE TABLE response_buckets (
    bucket INTEGER PRIMARY KEY,
    n      INTEGER NOT NULL
) STRICT;

INSERT INTO engagement_totals (id, contacts, touchpoints, attempts, inbound, answered, responses)
SELECT 1,
       (SELECT count(*) FROM contacts),
       ifnull(sum(touchpoints), 0), ifnull(sum(attempts), 0), ifnull(sum(inbound), 0),
       ifnull(sum(answered), 0),
       (SELECT count(*) FROM contact_responses)
FROM contact_engagement;

INSERT INTO response_buckets (bucket, n)
SELECT CASE WHEN seconds >= 0 THEN seconds / 600 ELSE (seconds + 1) / 600 - 1 END AS b, count(*)
FROM contact_responses GROUP BY b;

CREATE TRIGGER engagement_totals_contact_insert AFTER INSERT ON contacts BEGIN
    UPDATE engagement_totals SET contacts = contacts + 1 WHERE id = 1;
END;
CREATE TRIGGER engagement_totals_contact_delete AFTER DELETE ON contacts BEGIN
    UPDATE engagement_totals SET contacts = contacts - 1 WHERE id = 1;
END;

CREATE TRIGGER engagement_totals_summary_insert AFTER INSERT ON contact_engagement BEGIN
    UPDATE engagement_totals SET touchpoints = touchpoints + new.touchpoints,
        attempts = attempts + new.attempts, inbound = inbound + new.inbound,
        answered = answered + new.answered
    WHERE id = 1;
END;
CREATE TRIGGER engagement_totals_summary_update AFTER UPDATE ON contact_engagement BEGIN
    UPDATE engagement_totals
    SET touchpoints = touchpoints - old.touchpoints + new.touchpoints,
        attempts = attempts - old.attempts + new.attempts,
        inbound = inbound - old.inbound + new.inbound,
        answered = answered - old.answered + new.answered
    WHERE id = 1;
END;
CREATE TRIGGER engagement_totals_summary_delete AFTER DELETE ON contact_engagement BEGIN
    UPDATE engagement_totals SET touchpoints = touchpoints - old.touchpoints,
        attempts = attempts - old.attempts, inbound = inbound - old.inbound,
        answered = answered - old.answered
    WHERE id = 1;
END;

CREATE TRIGGER engagement_totals_response_insert AFTER INSERT ON contact_responses BEGIN
    UPDATE engagement_totals SET responses = responses + 1 WHERE id = 1;
    INSERT INTO response_buckets (bucket, n)
    VALUES (CASE WHEN new.seconds >= 0 THEN new.seconds / 600
                 ELSE (new.seconds + 1) / 600 - 1 END, 1)
    ON CONFLICT (bucket) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER engagement_totals_response_delete AFTER DELETE ON contact_responses BEGIN
    UPDATE engagement_totals SET responses = responses - 1 WHERE id = 1;
    UPDATE response_buckets SET n = n - 1
    WHERE bucket = CASE WHEN old.seconds >= 0 THEN old.seconds / 600
                        ELSE (old.seconds + 1) / 600 - 1 END;
END;
CREATE TRIGGER engagement_totals_response_update AFTER UPDATE ON contact_responses BEGIN
    UPDATE response_buckets SET n = n - 1
    WHERE bucket = CASE WHEN old.seconds >= 0 THEN old.seconds / 600
                        ELSE (old.seconds + 1) / 600 - 1 END;
    INSERT INTO response_buckets (bucket, n)
    VALUES (CASE WHEN new.seconds >= 0 THEN new.seconds / 600
                 ELSE (new.seconds + 1) / 600 - 1 END, 1)
    ON CONFLICT (bucket) DO UPDATE SET n = n + 1;
END;
