BEGIN;
--
-- Add field latest_revision to page
--
SET CONSTRAINTS "wagtailcore_page_latest_revision_id_e60fef51_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_page" DROP CONSTRAINT "wagtailcore_page_latest_revision_id_e60fef51_fk_wagtailco";
ALTER TABLE "wagtailcore_page" DROP COLUMN "latest_revision_id" CASCADE;
COMMIT;
