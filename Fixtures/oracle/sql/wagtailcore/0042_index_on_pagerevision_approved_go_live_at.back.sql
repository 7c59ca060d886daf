BEGIN;
--
-- Alter field approved_go_live_at on pagerevision
--
DROP INDEX IF EXISTS "wagtailcore_pagerevision_approved_go_live_at_e56afc67";
COMMIT;
