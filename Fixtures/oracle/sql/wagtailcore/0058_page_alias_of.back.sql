BEGIN;
--
-- Add field alias_of to page
--
SET CONSTRAINTS "wagtailcore_page_alias_of_id_12945502_fk_wagtailcore_page_id" IMMEDIATE; ALTER TABLE "wagtailcore_page" DROP CONSTRAINT "wagtailcore_page_alias_of_id_12945502_fk_wagtailcore_page_id";
ALTER TABLE "wagtailcore_page" DROP COLUMN "alias_of_id" CASCADE;
COMMIT;
