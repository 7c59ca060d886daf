BEGIN;
--
-- Create model PeriodicTasks
--
DROP TABLE "django_celery_beat_periodictasks" CASCADE;
--
-- Create model PeriodicTask
--
DROP TABLE "django_celery_beat_periodictask" CASCADE;
--
-- Create model IntervalSchedule
--
DROP TABLE "django_celery_beat_intervalschedule" CASCADE;
--
-- Create model CrontabSchedule
--
DROP TABLE "django_celery_beat_crontabschedule" CASCADE;
COMMIT;
