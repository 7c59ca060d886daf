BEGIN;
--
-- Add field locked_by to page
--
SET CONSTRAINTS "wagtailcore_page_locked_by_id_bcb86245_fk_auth_user_id" IMMEDIATE; ALTER TABLE "wagtailcore_page" DROP CONSTRAINT "wagtailcore_page_locked_by_id_bcb86245_fk_auth_user_id";
ALTER TABLE "wagtailcore_page" DROP COLUMN "locked_by_id" CASCADE;
--
-- Add field locked_at to page
--
ALTER TABLE "wagtailcore_page" DROP COLUMN "locked_at" CASCADE;
COMMIT;
