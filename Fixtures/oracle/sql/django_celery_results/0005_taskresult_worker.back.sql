BEGIN;
--
-- Add field worker to taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "worker" CASCADE;
COMMIT;
