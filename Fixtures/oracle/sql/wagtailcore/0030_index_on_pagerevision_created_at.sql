BEGIN;
--
-- Alter field created_at on pagerevision
--
CREATE INDEX "wagtailcore_pagerevision_created_at_66954e3b" ON "wagtailcore_pagerevision" ("created_at");
COMMIT;
