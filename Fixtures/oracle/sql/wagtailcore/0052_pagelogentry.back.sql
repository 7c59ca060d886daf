BEGIN;
--
-- Create model PageLogEntry
--
DROP TABLE "wagtailcore_pagelogentry" CASCADE;
COMMIT;
