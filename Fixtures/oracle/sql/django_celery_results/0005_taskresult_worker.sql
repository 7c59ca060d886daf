BEGIN;
--
-- Add field worker to taskresult
--
ALTER TABLE "django_celery_results_taskresult" ADD COLUMN "worker" varchar(100) NULL;
CREATE INDEX "django_celery_results_taskresult_worker_f8711389" ON "django_celery_results_taskresult" ("worker");
CREATE INDEX "django_celery_results_taskresult_worker_f8711389_like" ON "django_celery_results_taskresult" ("worker" varchar_pattern_ops);
COMMIT;
