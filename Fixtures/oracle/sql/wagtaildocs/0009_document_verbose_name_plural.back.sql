BEGIN;
--
-- Change Meta options on document
--
-- (no-op)
COMMIT;
