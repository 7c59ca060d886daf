BEGIN;
--
-- Change Meta options on page
--
-- (no-op)
COMMIT;
