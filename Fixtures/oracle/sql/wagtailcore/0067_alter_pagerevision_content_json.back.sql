BEGIN;
--
-- Rename field content_json on pagerevision to content
--
ALTER TABLE "wagtailcore_pagerevision" RENAME COLUMN "content" TO "content_json";
--
-- Alter field content_json on pagerevision
--
ALTER TABLE "wagtailcore_pagerevision" ALTER COLUMN "content_json" TYPE text USING "content_json"::text;
COMMIT;
