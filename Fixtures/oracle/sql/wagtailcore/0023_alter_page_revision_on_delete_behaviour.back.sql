BEGIN;
--
-- Alter field user on pagerevision
--
-- (no-op)
COMMIT;
