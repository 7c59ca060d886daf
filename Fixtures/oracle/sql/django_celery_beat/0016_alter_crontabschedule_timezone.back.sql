BEGIN;
--
-- Alter field timezone on crontabschedule
--
-- (no-op)
COMMIT;
