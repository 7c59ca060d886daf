BEGIN;
--
-- Change Meta options on userprofile
--
-- (no-op)
COMMIT;
