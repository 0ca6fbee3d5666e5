-- The accounts list (Accounts and maps) walks accounts in name order and stops at its page.
CREATE INDEX accounts_by_name ON accounts(name, id);
