BEGIN;
--
-- Rename field data_json on pagelogentry to data
--
ALTER TABLE "wagtailcore_pagelogentry" RENAME COLUMN "data" TO "data_json";
--
-- Rename field data_json on modellogentry to data
--
ALTER TABLE "wagtailcore_modellogentry" RENAME COLUMN "data" TO "data_json";
--
-- Alter field data_json on pagelogentry
--
ALTER TABLE "wagtailcore_pagelogentry" ALTER COLUMN "data_json" TYPE text USING "data_json"::text;
--
-- Alter field data_json on modellogentry
--
ALTER TABLE "wagtailcore_modellogentry" ALTER COLUMN "data_json" TYPE text USING "data_json"::text;
COMMIT;
