BEGIN;
--
-- Add field last_published_at to page
--
ALTER TABLE "wagtailcore_page" ADD COLUMN "last_published_at" timestamp with time zone NULL;
COMMIT;
