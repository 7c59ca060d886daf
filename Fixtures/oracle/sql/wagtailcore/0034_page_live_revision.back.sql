BEGIN;
--
-- Add field live_revision to page
--
SET CONSTRAINTS "wagtailcore_page_live_revision_id_930bd822_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_page" DROP CONSTRAINT "wagtailcore_page_live_revision_id_930bd822_fk_wagtailco";
ALTER TABLE "wagtailcore_page" DROP COLUMN "live_revision_id" CASCADE;
COMMIT;
