BEGIN;
--
-- Change Meta options on taskresult
--
-- (no-op)
COMMIT;
