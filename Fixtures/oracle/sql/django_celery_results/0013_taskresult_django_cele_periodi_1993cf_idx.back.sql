BEGIN;
--
-- Create index django_cele_periodi_1993cf_idx on field(s) periodic_task_name of model taskresult
--
DROP INDEX IF EXISTS "django_cele_periodi_1993cf_idx";
COMMIT;
