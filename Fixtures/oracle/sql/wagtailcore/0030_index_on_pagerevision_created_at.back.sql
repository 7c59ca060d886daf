BEGIN;
--
-- Alter field created_at on pagerevision
--
DROP INDEX IF EXISTS "wagtailcore_pagerevision_created_at_66954e3b";
COMMIT;
