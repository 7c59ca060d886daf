BEGIN;
--
-- Alter field site on redirect
--
-- (no-op)
COMMIT;
