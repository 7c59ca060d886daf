BEGIN;
--
-- Add field site_name to site
--
ALTER TABLE "wagtailcore_site" ADD COLUMN "site_name" varchar(255) NULL;
COMMIT;
