BEGIN;
--
-- Create model LogEntry
--
DROP TABLE "django_admin_log" CASCADE;
COMMIT;
