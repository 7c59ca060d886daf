BEGIN;
--
-- Change Meta options on range
--
-- (no-op)
COMMIT;
