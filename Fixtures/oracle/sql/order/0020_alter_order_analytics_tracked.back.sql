BEGIN;
--
-- Alter field analytics_tracked on order
--
-- (no-op)
COMMIT;
