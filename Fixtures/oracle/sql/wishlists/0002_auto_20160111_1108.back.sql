BEGIN;
--
-- Change Meta options on line
--
-- (no-op)
COMMIT;
