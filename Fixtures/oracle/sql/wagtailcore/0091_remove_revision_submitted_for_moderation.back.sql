BEGIN;
--
-- Remove field submitted_for_moderation from revision
--
ALTER TABLE "wagtailcore_revision" ADD COLUMN "submitted_for_moderation" boolean DEFAULT false NOT NULL;
ALTER TABLE "wagtailcore_revision" ALTER COLUMN "submitted_for_moderation" DROP DEFAULT;
CREATE INDEX "wagtailcore_revision_submitted_for_moderation_362afbff" ON "wagtailcore_revision" ("submitted_for_moderation");
COMMIT;
