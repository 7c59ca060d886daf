BEGIN;
--
-- Alter field data_json on modellogentry
--
ALTER TABLE "wagtailcore_modellogentry" ALTER COLUMN "data_json" TYPE jsonb USING "data_json"::jsonb;
--
-- Alter field data_json on pagelogentry
--
ALTER TABLE "wagtailcore_pagelogentry" ALTER COLUMN "data_json" TYPE jsonb USING "data_json"::jsonb;
--
-- Rename field data_json on modellogentry to data
--
ALTER TABLE "wagtailcore_modellogentry" RENAME COLUMN "data_json" TO "data";
--
-- Rename field data_json on pagelogentry to data
--
ALTER TABLE "wagtailcore_pagelogentry" RENAME COLUMN "data_json" TO "data";
COMMIT;
