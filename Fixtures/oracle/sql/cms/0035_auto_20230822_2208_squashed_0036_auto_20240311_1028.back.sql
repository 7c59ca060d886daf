BEGIN;
--
-- Change Meta options on page
--
-- (no-op)
--
-- Change Meta options on pagecontent
--
-- (no-op)
COMMIT;
