BEGIN;
--
-- Add field object_str to revision
--
ALTER TABLE "wagtailcore_revision" DROP COLUMN "object_str" CASCADE;
COMMIT;
