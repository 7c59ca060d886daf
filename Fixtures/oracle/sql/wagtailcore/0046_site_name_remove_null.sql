BEGIN;
--
-- Alter field site_name on site
--
ALTER TABLE "wagtailcore_site" ALTER COLUMN "site_name" SET DEFAULT '';
UPDATE "wagtailcore_site" SET "site_name" = '' WHERE "site_name" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "wagtailcore_site" ALTER COLUMN "site_name" SET NOT NULL;
ALTER TABLE "wagtailcore_site" ALTER COLUMN "site_name" DROP DEFAULT;
COMMIT;
