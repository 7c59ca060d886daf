BEGIN;
--
-- Add field last_published_at to page
--
ALTER TABLE "wagtailcore_page" DROP COLUMN "last_published_at" CASCADE;
COMMIT;
