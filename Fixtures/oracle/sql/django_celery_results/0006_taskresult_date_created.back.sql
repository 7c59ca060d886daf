BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field date_created to taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "date_created" CASCADE;
COMMIT;
