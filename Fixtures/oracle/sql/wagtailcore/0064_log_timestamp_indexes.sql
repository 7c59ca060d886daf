BEGIN;
--
-- Alter field timestamp on modellogentry
--
CREATE INDEX "wagtailcore_modellogentry_timestamp_9694521b" ON "wagtailcore_modellogentry" ("timestamp");
--
-- Alter field timestamp on pagelogentry
--
CREATE INDEX "wagtailcore_pagelogentry_timestamp_deb774c4" ON "wagtailcore_pagelogentry" ("timestamp");
COMMIT;
