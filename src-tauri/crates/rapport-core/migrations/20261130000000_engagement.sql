-- Engagement: the communication history (interactions with one or more contacts), follow-ups,
-- stay-in-touch cadences, each contact's engagement summary (kept on write for the dashboards)
-- and the escalation of non-responsive contacts.

CREATE TABLE interactions (
    id                 INTEGER PRIMARY KEY,
    channel            TEXT NOT NULL CHECK (channel IN ('email', 'call', 'meeting', 'note', 'sms')),
    category           TEXT NOT NULL CHECK (category IN
                           ('strategic', 'technical', 'operational', 'commercial', 'support', 'other')),
    direction          TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    occurred_at        TEXT NOT NULL, -- UTC
    -- The offset the user gave the time in, so it can be shown as they entered it.
    utc_offset_minutes INTEGER NOT NULL,
    duration_minutes   INTEGER CHECK (duration_minutes BETWEEN 0 AND 1440),
    -- An outbound call or meeting that did not reach the person (voicemail, no-show).
    no_answer          INTEGER NOT NULL DEFAULT 0 CHECK (no_answer IN (0, 1)),
    subject            TEXT NOT NULL,
    outcome            TEXT,
    next_steps         TEXT,
    attachments        TEXT NOT NULL DEFAULT '[]', -- JSON array of file paths and URLs
    logged_by          INTEGER REFERENCES users(id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Who took part. The interaction's time and kinds are copied here so a contact's timeline,
-- filtered and paged newest first, is one range of this table's primary key: no lookups into
-- `interactions` until a page is chosen, however long the history.
CREATE TABLE interaction_contacts (
    contact_id     INTEGER NOT NULL REFERENCES contacts(id),
    occurred_at    TEXT NOT NULL,
    interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    channel        TEXT NOT NULL,
    category       TEXT NOT NULL,
    direction      TEXT NOT NULL,
    -- What it means for responsiveness (engagement::Turn): an attempt awaiting an answer, a
    -- reply, a conversation (a call or meeting that reached the person), or a note.
    turn           TEXT NOT NULL CHECK (turn IN ('attempt', 'reply', 'conversation', 'note')),
    PRIMARY KEY (contact_id, occurred_at, interaction_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interaction_contacts_interaction ON interaction_contacts(interaction_id, contact_id);

CREATE TABLE follow_ups (
    id             INTEGER PRIMARY KEY,
    contact_id     INTEGER NOT NULL REFERENCES contacts(id),
    interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
    owner_id       INTEGER NOT NULL REFERENCES users(id),
    title          TEXT NOT NULL,
    notes          TEXT,
    due_date       TEXT NOT NULL, -- the day as the user gave it
    due_time       TEXT,          -- HH:MM, or none for "some time that day"
    utc_offset_minutes INTEGER NOT NULL,
    -- When it becomes due (the time, or the start of the day) and when it is overdue (the end of
    -- the due day), both UTC, so every query compares instants.
    due_at         TEXT NOT NULL,
    overdue_at     TEXT NOT NULL,
    priority       TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status         TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    -- Set once a desktop notification was raised, so a restart does not raise it again.
    notified_at    TEXT,
    closed_at      TEXT,
    closed_by      INTEGER REFERENCES users(id),
    created_by     INTEGER REFERENCES users(id),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX follow_ups_owner_open ON follow_ups(owner_id, due_at, id) WHERE status = 'open';
CREATE INDEX follow_ups_overdue ON follow_ups(overdue_at, id) WHERE status = 'open';
CREATE INDEX follow_ups_unnotified ON follow_ups(owner_id, due_at)
    WHERE status = 'open' AND notified_at IS NULL;
CREATE INDEX follow_ups_contact ON follow_ups(contact_id, due_at);
CREATE INDEX follow_ups_interaction ON follow_ups(interaction_id) WHERE interaction_id IS NOT NULL;

-- "Stay in touch every N days": one per contact. Due `every_days` after the last interaction
-- (or after it was set up); its owner is the contact's owner unless one is named.
CREATE TABLE cadences (
    contact_id      INTEGER PRIMARY KEY REFERENCES contacts(id),
    every_days      INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 3650),
    owner_id        INTEGER REFERENCES users(id),
    next_due_at     TEXT NOT NULL,
    -- The `next_due_at` a notification was raised for; a reset re-arms it.
    notified_due_at TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX cadences_due ON cadences(next_due_at);
CREATE INDEX cadences_owner ON cadences(owner_id, next_due_at);

-- Each contact's engagement, recomputed from its history whenever an interaction with the
-- contact is logged, edited or deleted: the dashboards and the escalation read this instead of
-- walking millions of interactions. Notes are not contact with the person and do not count.
CREATE TABLE contact_engagement (
    contact_id          INTEGER PRIMARY KEY REFERENCES contacts(id),
    touchpoints         INTEGER NOT NULL,
    attempts            INTEGER NOT NULL,
    inbound             INTEGER NOT NULL,
    -- Attempts a reply or a conversation followed.
    answered            INTEGER NOT NULL,
    last_contact_at     TEXT,
    last_response_at    TEXT,
    -- Attempts since the last reply or conversation, and when the first of them was.
    unanswered          INTEGER NOT NULL,
    first_unanswered_at TEXT
) STRICT;
CREATE INDEX contact_engagement_unanswered ON contact_engagement(first_unanswered_at)
    WHERE unanswered > 0;

-- One row per answer: a reply or conversation after one or more unanswered attempts, and how
-- long after the first of them it came. Medians are read from here in `seconds` order.
CREATE TABLE contact_responses (
    contact_id   INTEGER NOT NULL REFERENCES contacts(id),
    responded_at TEXT NOT NULL,
    seconds      INTEGER NOT NULL,
    PRIMARY KEY (contact_id, responded_at)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_responses_seconds ON contact_responses(seconds);

-- A contact marked non-responsive, from the moment the rule held (`started_at`) until an
-- answer (a reply or a conversation) or a user resolves it. `trigger_at` is the first unanswered attempt of
-- the run of attempts that caused it: one escalation per run, so a resolved one stays resolved.
CREATE TABLE escalations (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id),
    reason      TEXT NOT NULL CHECK (reason IN ('unanswered_attempts', 'no_response')),
    trigger_at  TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    resolved_at TEXT,
    resolution  TEXT CHECK (resolution IN ('responded', 'resolved')),
    resolved_by INTEGER REFERENCES users(id),
    UNIQUE (contact_id, trigger_at)
) STRICT;
CREATE UNIQUE INDEX escalations_open ON escalations(contact_id) WHERE resolved_at IS NULL;

-- The chain an escalation went along: owner, territory manager, regional manager, site
-- administrator. A level nobody holds is recorded without a user and passed at once.
CREATE TABLE escalation_steps (
    escalation_id INTEGER NOT NULL REFERENCES escalations(id) ON DELETE CASCADE,
    step          INTEGER NOT NULL CHECK (step BETWEEN 0 AND 3),
    level         TEXT NOT NULL CHECK (level IN
                      ('owner', 'territory_manager', 'regional_manager', 'site_admin')),
    user_id       INTEGER REFERENCES users(id),
    at            TEXT NOT NULL,
    notified_at   TEXT,
    PRIMARY KEY (escalation_id, step)
) STRICT, WITHOUT ROWID;
CREATE INDEX escalation_steps_user ON escalation_steps(user_id, at);
