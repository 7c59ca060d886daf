BEGIN;
--
-- Add field task_name to taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "task_name" CASCADE;
--
-- Add field task_kwargs to taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "task_kwargs" CASCADE;
--
-- Add field task_args to taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "task_args" CASCADE;
COMMIT;
