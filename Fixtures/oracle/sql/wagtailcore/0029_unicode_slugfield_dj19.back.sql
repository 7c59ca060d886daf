BEGIN;
--
-- Alter field slug on page
--
-- (no-op)
COMMIT;
