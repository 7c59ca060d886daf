BEGIN;
--
-- Change Meta options on periodictasks
--
-- (no-op)
COMMIT;
