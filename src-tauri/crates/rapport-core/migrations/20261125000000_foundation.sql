-- Foundation schema: organisation (regions, territories, accounts, sites), contacts with their
-- typed emails/phones/addresses, site associations, and the full-text search indexes.
-- Timestamps are UTC RFC 3339 text; money is stored in minor units.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE regions (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
) STRICT;

CREATE TABLE territories (
    id        INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions(id),
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL
) STRICT;
CREATE INDEX territories_region ON territories(region_id);

CREATE TABLE accounts (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('private', 'business')),
    status TEXT NOT NULL CHECK (status IN ('active', 'inactive'))
) STRICT;

CREATE TABLE sites (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id),
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    name         TEXT NOT NULL,
    line1        TEXT NOT NULL,
    city         TEXT NOT NULL,
    postal_code  TEXT,
    country      TEXT NOT NULL
) STRICT;
CREATE INDEX sites_account ON sites(account_id);
CREATE INDEX sites_territory ON sites(territory_id);

CREATE TABLE contacts (
    id                    INTEGER PRIMARY KEY,
    reference             TEXT NOT NULL UNIQUE,
    salutation            TEXT,
    first_name            TEXT NOT NULL,
    middle_name           TEXT,
    last_name             TEXT NOT NULL,
    preferred_name        TEXT,
    suffix                TEXT,
    job_title             TEXT,
    department            TEXT,
    employee_id           TEXT,
    contact_type          TEXT NOT NULL
        CHECK (contact_type IN ('primary', 'billing', 'operations', 'emergency', 'other')),
    contact_type_other    TEXT,
    authority_level       TEXT,
    authority_scope       TEXT,
    approval_limit_minor  INTEGER,
    currency              TEXT NOT NULL DEFAULT 'GBP',
    birthday              TEXT,
    websites              TEXT NOT NULL DEFAULT '[]', -- JSON array of URLs
    notes                 TEXT,
    photo                 BLOB,
    preferred_method      TEXT CHECK (preferred_method IN ('email', 'phone', 'sms', 'post')),
    preferred_times       TEXT,
    time_zone             TEXT,
    language              TEXT,
    lifecycle_stage       TEXT NOT NULL
        CHECK (lifecycle_stage IN ('lead', 'prospect', 'active_customer', 'former')),
    priority              TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    owner                 TEXT,
    special_instructions  TEXT,
    status                TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'archived')),
    status_reason         TEXT,
    verified_at           TEXT,
    verified_by           TEXT,
    verification_method   TEXT,
    approval_source       TEXT,
    approval_date         TEXT,
    -- Denormalised for keyset pagination: each sortable column has an index ending in id.
    -- The core keeps them in step with the columns they derive from.
    display_name          TEXT NOT NULL,
    name_key              TEXT NOT NULL,
    company               TEXT,
    company_key           TEXT NOT NULL DEFAULT '',
    title_key             TEXT NOT NULL DEFAULT '',
    primary_email         TEXT,
    primary_phone         TEXT,
    primary_phone_ext     TEXT,
    -- The primary phone as the list shows it (national format in the home country), written
    -- with the phone so a page of 100 rows does not parse 100 numbers.
    primary_phone_display TEXT,
    territory_id          INTEGER REFERENCES territories(id),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1
) STRICT;
-- The most used orders (name; company; name within a type or status filter) carry the list's
-- columns after the key, so a page of 100 rows reads a few consecutive index pages instead of
-- 100 scattered table pages. Keep the trailing columns in step with store::contacts::ROW_COLUMNS.
CREATE INDEX contacts_by_name ON contacts(name_key, id,
    reference, display_name, job_title, company, contact_type, status, primary_email,
    primary_phone_display, territory_id, updated_at);
CREATE INDEX contacts_by_company ON contacts(company_key, id,
    reference, display_name, job_title, company, contact_type, status, primary_email,
    primary_phone_display, territory_id, updated_at);
CREATE INDEX contacts_by_type ON contacts(contact_type, name_key, id,
    reference, display_name, job_title, company, status, primary_email,
    primary_phone_display, territory_id, updated_at);
CREATE INDEX contacts_by_status ON contacts(status, name_key, id,
    reference, display_name, job_title, company, contact_type, primary_email,
    primary_phone_display, territory_id, updated_at);
CREATE INDEX contacts_by_title ON contacts(title_key, id);
CREATE INDEX contacts_by_updated ON contacts(updated_at, id);

CREATE TABLE contact_emails (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('business', 'alternate', 'personal')),
    address    TEXT NOT NULL,
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))
) STRICT;
CREATE INDEX contact_emails_contact ON contact_emails(contact_id);
CREATE INDEX contact_emails_address ON contact_emails(address COLLATE NOCASE);

CREATE TABLE contact_phones (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('office', 'mobile', 'home', 'fax')),
    e164       TEXT NOT NULL,
    extension  TEXT,
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    -- Digit forms a user may type (international, national significant, trunk-prefixed),
    -- written by the core; feeds the search index.
    search_digits TEXT NOT NULL
) STRICT;
CREATE INDEX contact_phones_contact ON contact_phones(contact_id);
CREATE INDEX contact_phones_e164 ON contact_phones(e164);

CREATE TABLE contact_addresses (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('mailing', 'site', 'home')),
    line1       TEXT NOT NULL,
    line2       TEXT,
    city        TEXT NOT NULL,
    region      TEXT,
    postal_code TEXT,
    country     TEXT NOT NULL
) STRICT;
CREATE INDEX contact_addresses_contact ON contact_addresses(contact_id);

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_tags_tag ON contact_tags(tag);

-- One row per channel (email, phone, sms, post).
CREATE TABLE contact_channel_preferences (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    channel    TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'sms', 'post')),
    notify     INTEGER NOT NULL CHECK (notify IN (0, 1)),
    consent    INTEGER NOT NULL CHECK (consent IN (0, 1)),
    PRIMARY KEY (contact_id, channel)
) STRICT, WITHOUT ROWID;

CREATE TABLE contact_lifecycle_history (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    stage      TEXT NOT NULL,
    changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX contact_lifecycle_history_contact ON contact_lifecycle_history(contact_id, changed_at);

CREATE TABLE contact_sites (
    contact_id           INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    site_id              INTEGER NOT NULL REFERENCES sites(id),
    role                 TEXT NOT NULL,
    is_primary           INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    authority_limit_minor INTEGER,
    PRIMARY KEY (contact_id, site_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_sites_site ON contact_sites(site_id, contact_id);
-- At most one primary contact per site.
CREATE UNIQUE INDEX contact_sites_one_primary ON contact_sites(site_id) WHERE is_primary = 1;

-- Word search: one row per contact (rowid = contacts.id), kept by the core in the same
-- transaction as the contact. Contentless: the text lives in the tables above.
-- `scope` holds tokens for access scope (t<territory id>, r<region id>, billing, archived,
-- unassigned) so a scoped search intersects posting lists instead of filtering matches.
CREATE VIRTUAL TABLE contact_words USING fts5(
    name, email, phone, company, title, scope,
    content = '', contentless_delete = 1,
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Substring search (three characters or more) over the same text.
CREATE VIRTUAL TABLE contact_grams USING fts5(
    text,
    content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1'
);
