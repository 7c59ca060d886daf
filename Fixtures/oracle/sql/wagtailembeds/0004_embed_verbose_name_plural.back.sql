BEGIN;
--
-- Change Meta options on embed
--
-- (no-op)
COMMIT;
