BEGIN;
--
-- Alter field site_name on site
--
ALTER TABLE "wagtailcore_site" ALTER COLUMN "site_name" DROP NOT NULL;
COMMIT;
