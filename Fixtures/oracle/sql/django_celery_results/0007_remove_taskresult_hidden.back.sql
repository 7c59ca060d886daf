BEGIN;
--
-- Remove field hidden from taskresult
--
ALTER TABLE "django_celery_results_taskresult" ADD COLUMN "hidden" boolean DEFAULT false NOT NULL;
ALTER TABLE "django_celery_results_taskresult" ALTER COLUMN "hidden" DROP DEFAULT;
CREATE INDEX "django_celery_results_taskresult_hidden_cd77412f" ON "django_celery_results_taskresult" ("hidden");
COMMIT;
