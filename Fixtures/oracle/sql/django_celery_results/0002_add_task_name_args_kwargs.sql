BEGIN;
--
-- Add field task_args to taskresult
--
ALTER TABLE "django_celery_results_taskresult" ADD COLUMN "task_args" text NULL;
--
-- Add field task_kwargs to taskresult
--
ALTER TABLE "django_celery_results_taskresult" ADD COLUMN "task_kwargs" text NULL;
--
-- Add field task_name to taskresult
--
ALTER TABLE "django_celery_results_taskresult" ADD COLUMN "task_name" varchar(255) NULL;
COMMIT;
