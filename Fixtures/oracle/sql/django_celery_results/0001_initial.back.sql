BEGIN;
--
-- Create model TaskResult
--
DROP TABLE "django_celery_results_taskresult" CASCADE;
COMMIT;
