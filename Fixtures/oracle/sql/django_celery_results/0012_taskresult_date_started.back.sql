BEGIN;
--
-- Add field date_started to taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "date_started" CASCADE;
COMMIT;
