BEGIN;
--
-- Change Meta options on file
--
-- (no-op)
COMMIT;
