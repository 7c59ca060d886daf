BEGIN;
--
-- Alter field month_of_year on crontabschedule
--
-- (no-op)
COMMIT;
