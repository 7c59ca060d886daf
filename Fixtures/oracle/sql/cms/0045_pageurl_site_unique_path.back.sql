BEGIN;
--
-- Create constraint unique_site_language_path on model pageurl
--
ALTER TABLE "cms_pageurl" DROP CONSTRAINT "unique_site_language_path";
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter field site on pageurl
--
SET CONSTRAINTS "cms_pageurl_site_id_7d6fd976_fk_django_site_id" IMMEDIATE; ALTER TABLE "cms_pageurl" DROP CONSTRAINT "cms_pageurl_site_id_7d6fd976_fk_django_site_id";
ALTER TABLE "cms_pageurl" ALTER COLUMN "site_id" DROP NOT NULL;
ALTER TABLE "cms_pageurl" ADD CONSTRAINT "cms_pageurl_site_id_7d6fd976_fk_django_site_id" FOREIGN KEY ("site_id") REFERENCES "django_site" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field site to pageurl
--
SET CONSTRAINTS "cms_pageurl_site_id_7d6fd976_fk_django_site_id" IMMEDIATE; ALTER TABLE "cms_pageurl" DROP CONSTRAINT "cms_pageurl_site_id_7d6fd976_fk_django_site_id";
ALTER TABLE "cms_pageurl" DROP COLUMN "site_id" CASCADE;
COMMIT;
