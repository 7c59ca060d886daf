BEGIN;
--
-- Add field periodic_task_name to taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "periodic_task_name" CASCADE;
COMMIT;
