BEGIN;
--
-- Create index django_cele_date_do_caae0e_idx on field(s) date_done of model groupresult
--
DROP INDEX IF EXISTS "django_cele_date_do_caae0e_idx";
--
-- Create index django_cele_date_cr_bd6c1d_idx on field(s) date_created of model groupresult
--
DROP INDEX IF EXISTS "django_cele_date_cr_bd6c1d_idx";
--
-- Create index django_cele_group_i_3cddec_idx on field(s) group_id of model groupresult
--
-- (no-op)
--
-- Create index django_cele_date_do_f59aad_idx on field(s) date_done of model taskresult
--
DROP INDEX IF EXISTS "django_cele_date_do_f59aad_idx";
--
-- Create index django_cele_date_cr_f04a50_idx on field(s) date_created of model taskresult
--
DROP INDEX IF EXISTS "django_cele_date_cr_f04a50_idx";
--
-- Create index django_cele_worker_d54dd8_idx on field(s) worker of model taskresult
--
DROP INDEX IF EXISTS "django_cele_worker_d54dd8_idx";
--
-- Create index django_cele_status_9b6201_idx on field(s) status of model taskresult
--
DROP INDEX IF EXISTS "django_cele_status_9b6201_idx";
--
-- Create index django_cele_task_na_08aec9_idx on field(s) task_name of model taskresult
--
DROP INDEX IF EXISTS "django_cele_task_na_08aec9_idx";
--
-- Create index django_cele_task_id_7f8fca_idx on field(s) task_id of model taskresult
--
-- (no-op)
--
-- Create index django_cele_group_i_299b0d_idx on field(s) group_id of model chordcounter
--
-- (no-op)
--
-- Alter field worker on taskresult
--
CREATE INDEX "django_celery_results_taskresult_worker_f8711389" ON "django_celery_results_taskresult" ("worker");
CREATE INDEX "django_celery_results_taskresult_worker_f8711389_like" ON "django_celery_results_taskresult" ("worker" varchar_pattern_ops);
--
-- Alter field task_name on taskresult
--
CREATE INDEX "django_celery_results_taskresult_task_name_90987df3" ON "django_celery_results_taskresult" ("task_name");
CREATE INDEX "django_celery_results_taskresult_task_name_90987df3_like" ON "django_celery_results_taskresult" ("task_name" varchar_pattern_ops);
--
-- Alter field task_id on taskresult
--
-- (no-op)
--
-- Alter field status on taskresult
--
CREATE INDEX "django_celery_results_taskresult_status_cbbed23a" ON "django_celery_results_taskresult" ("status");
CREATE INDEX "django_celery_results_taskresult_status_cbbed23a_like" ON "django_celery_results_taskresult" ("status" varchar_pattern_ops);
--
-- Alter field date_done on taskresult
--
CREATE INDEX "django_celery_results_taskresult_date_done_49edada6" ON "django_celery_results_taskresult" ("date_done");
--
-- Alter field date_created on taskresult
--
CREATE INDEX "django_celery_results_taskresult_date_created_099f3424" ON "django_celery_results_taskresult" ("date_created");
--
-- Alter field group_id on chordcounter
--
-- (no-op)
--
-- Create model GroupResult
--
DROP TABLE "django_celery_results_groupresult" CASCADE;
COMMIT;
