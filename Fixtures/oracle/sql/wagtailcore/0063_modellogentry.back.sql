BEGIN;
--
-- Create model ModelLogEntry
--
DROP TABLE "wagtailcore_modellogentry" CASCADE;
COMMIT;
