BEGIN;
--
-- Alter field owner on page
--
-- (no-op)
COMMIT;
