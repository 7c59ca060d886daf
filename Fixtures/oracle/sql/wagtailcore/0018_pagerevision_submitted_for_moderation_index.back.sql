BEGIN;
--
-- Alter field submitted_for_moderation on pagerevision
--
DROP INDEX IF EXISTS "wagtailcore_pagerevision_submitted_for_moderation_c682e44c";
COMMIT;
