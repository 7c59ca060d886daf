BEGIN;
--
-- Add field date_created to taskresult
--
ALTER TABLE "django_celery_results_taskresult" ADD COLUMN "date_created" timestamp with time zone DEFAULT '<now>'::timestamptz NOT NULL;
ALTER TABLE "django_celery_results_taskresult" ALTER COLUMN "date_created" DROP DEFAULT;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
CREATE INDEX "django_celery_results_taskresult_date_created_099f3424" ON "django_celery_results_taskresult" ("date_created");
COMMIT;
