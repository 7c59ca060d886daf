BEGIN;
--
-- Change Meta options on querydailyhits
--
-- (no-op)
COMMIT;
