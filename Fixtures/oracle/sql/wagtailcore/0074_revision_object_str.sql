BEGIN;
--
-- Add field object_str to revision
--
ALTER TABLE "wagtailcore_revision" ADD COLUMN "object_str" text DEFAULT '' NOT NULL;
ALTER TABLE "wagtailcore_revision" ALTER COLUMN "object_str" DROP DEFAULT;
COMMIT;
