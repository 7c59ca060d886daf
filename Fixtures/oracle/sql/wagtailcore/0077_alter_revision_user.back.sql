BEGIN;
--
-- Alter field user on revision
--
-- (no-op)
COMMIT;
