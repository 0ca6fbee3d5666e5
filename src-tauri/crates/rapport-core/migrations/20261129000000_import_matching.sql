-- An import finds "the same name at the same organisation" by both keys at once. Without this
-- index every stored contact sharing a common name was read to compare its organisation, which
-- made matching a large file against a large database the slowest part of an import.
CREATE INDEX contacts_by_person ON contacts(name_key, company_key) WHERE erased_at IS NULL;
