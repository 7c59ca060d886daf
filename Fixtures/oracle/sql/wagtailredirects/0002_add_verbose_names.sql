BEGIN;
--
-- Change Meta options on redirect
--
-- (no-op)
--
-- Alter field site on redirect
--
-- (no-op)
COMMIT;
