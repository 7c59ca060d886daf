BEGIN;
--
-- Change Meta options on redirect
--
-- (no-op)
COMMIT;
