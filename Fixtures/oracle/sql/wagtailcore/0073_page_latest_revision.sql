BEGIN;
--
-- Add field latest_revision to page
--
ALTER TABLE "wagtailcore_page" ADD COLUMN "latest_revision_id" integer NULL CONSTRAINT "wagtailcore_page_latest_revision_id_e60fef51_fk_wagtailco" REFERENCES "wagtailcore_revision"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_page_latest_revision_id_e60fef51_fk_wagtailco" IMMEDIATE;
CREATE INDEX "wagtailcore_page_latest_revision_id_e60fef51" ON "wagtailcore_page" ("latest_revision_id");
COMMIT;
