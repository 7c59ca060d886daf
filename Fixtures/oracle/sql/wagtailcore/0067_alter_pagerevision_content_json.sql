BEGIN;
--
-- Alter field content_json on pagerevision
--
ALTER TABLE "wagtailcore_pagerevision" ALTER COLUMN "content_json" TYPE jsonb USING "content_json"::jsonb;
--
-- Rename field content_json on pagerevision to content
--
ALTER TABLE "wagtailcore_pagerevision" RENAME COLUMN "content_json" TO "content";
COMMIT;
