BEGIN;
--
-- Change Meta options on query
--
-- (no-op)
COMMIT;
