BEGIN;
--
-- Create model ChordCounter
--
DROP TABLE "django_celery_results_chordcounter" CASCADE;
COMMIT;
