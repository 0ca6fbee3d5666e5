-- The zone a user reads and types dates and times in (an IANA name such as Europe/London);
-- NULL follows the computer's clock.
ALTER TABLE users ADD COLUMN time_zone TEXT;
