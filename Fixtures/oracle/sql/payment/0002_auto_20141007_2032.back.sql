BEGIN;
--
-- Alter field currency on source
--
-- (no-op)
COMMIT;
