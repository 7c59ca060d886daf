BEGIN;
--
-- Alter field timestamp on pagelogentry
--
DROP INDEX IF EXISTS "wagtailcore_pagelogentry_timestamp_deb774c4";
--
-- Alter field timestamp on modellogentry
--
DROP INDEX IF EXISTS "wagtailcore_modellogentry_timestamp_9694521b";
COMMIT;
