BEGIN;
--
-- Alter field traceback on taskresult
--
-- (no-op)
--
-- Alter field task_name on taskresult
--
DROP INDEX IF EXISTS "django_celery_results_taskresult_task_name_90987df3";
DROP INDEX IF EXISTS "django_celery_results_taskresult_task_name_90987df3_like";
--
-- Alter field task_kwargs on taskresult
--
-- (no-op)
--
-- Alter field task_id on taskresult
--
-- (no-op)
--
-- Alter field task_args on taskresult
--
-- (no-op)
--
-- Alter field status on taskresult
--
DROP INDEX IF EXISTS "django_celery_results_taskresult_status_cbbed23a";
DROP INDEX IF EXISTS "django_celery_results_taskresult_status_cbbed23a_like";
--
-- Alter field result on taskresult
--
-- (no-op)
--
-- Alter field meta on taskresult
--
-- (no-op)
--
-- Alter field hidden on taskresult
--
-- (no-op)
--
-- Alter field date_done on taskresult
--
DROP INDEX IF EXISTS "django_celery_results_taskresult_date_done_49edada6";
--
-- Alter field content_type on taskresult
--
-- (no-op)
--
-- Alter field content_encoding on taskresult
--
-- (no-op)
COMMIT;
