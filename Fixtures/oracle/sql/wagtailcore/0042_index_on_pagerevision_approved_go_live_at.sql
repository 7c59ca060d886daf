BEGIN;
--
-- Alter field approved_go_live_at on pagerevision
--
CREATE INDEX "wagtailcore_pagerevision_approved_go_live_at_e56afc67" ON "wagtailcore_pagerevision" ("approved_go_live_at");
COMMIT;
