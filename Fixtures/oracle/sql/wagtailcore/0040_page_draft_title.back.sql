BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field draft_title to page
--
ALTER TABLE "wagtailcore_page" DROP COLUMN "draft_title" CASCADE;
COMMIT;
