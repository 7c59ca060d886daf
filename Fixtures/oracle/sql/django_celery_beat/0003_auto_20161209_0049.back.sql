BEGIN;
--
-- Alter unique_together for solarschedule (1 constraint(s))
--
ALTER TABLE "django_celery_beat_solarschedule" DROP CONSTRAINT "django_celery_beat_solar_event_latitude_longitude_ba64999a_uniq";
--
-- Change Meta options on solarschedule
--
-- (no-op)
COMMIT;
