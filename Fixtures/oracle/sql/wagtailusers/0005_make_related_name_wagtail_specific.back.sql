BEGIN;
--
-- Alter field user on userprofile
--
-- (no-op)
COMMIT;
