BEGIN;
--
-- Alter field status on taskresult
--
-- (no-op)
COMMIT;
