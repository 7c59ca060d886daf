BEGIN;
--
-- Add field priority to periodictask
--
ALTER TABLE "django_celery_beat_periodictask" ADD COLUMN "priority" integer NULL CHECK ("priority" >= 0);
COMMIT;
