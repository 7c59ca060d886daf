BEGIN;
--
-- Alter field site on redirect
--
-- (no-op)
--
-- Change Meta options on redirect
--
-- (no-op)
COMMIT;
