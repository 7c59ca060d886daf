BEGIN;
--
-- Remove field hidden from taskresult
--
ALTER TABLE "django_celery_results_taskresult" DROP COLUMN "hidden" CASCADE;
COMMIT;
