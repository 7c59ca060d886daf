BEGIN;
--
-- Remove field submitted_for_moderation from revision
--
ALTER TABLE "wagtailcore_revision" DROP COLUMN "submitted_for_moderation" CASCADE;
COMMIT;
