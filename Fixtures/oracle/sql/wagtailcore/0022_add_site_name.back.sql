BEGIN;
--
-- Add field site_name to site
--
ALTER TABLE "wagtailcore_site" DROP COLUMN "site_name" CASCADE;
COMMIT;
