BEGIN;
--
-- Alter field locale on page
--
-- (no-op)
COMMIT;
