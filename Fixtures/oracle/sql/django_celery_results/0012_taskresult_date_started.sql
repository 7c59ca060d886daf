BEGIN;
--
-- Add field date_started to taskresult
--
ALTER TABLE "django_celery_results_taskresult" ADD COLUMN "date_started" timestamp with time zone NULL;
COMMIT;
