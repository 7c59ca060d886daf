BEGIN;
--
-- Add field live_revision to page
--
ALTER TABLE "wagtailcore_page" ADD COLUMN "live_revision_id" integer NULL CONSTRAINT "wagtailcore_page_live_revision_id_930bd822_fk_wagtailco" REFERENCES "wagtailcore_pagerevision"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_page_live_revision_id_930bd822_fk_wagtailco" IMMEDIATE;
CREATE INDEX "wagtailcore_page_live_revision_id_930bd822" ON "wagtailcore_page" ("live_revision_id");
COMMIT;
