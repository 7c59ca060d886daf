BEGIN;
--
-- Add field site to pageurl
--
ALTER TABLE "cms_pageurl" ADD COLUMN "site_id" integer NULL CONSTRAINT "cms_pageurl_site_id_7d6fd976_fk_django_site_id" REFERENCES "django_site"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "cms_pageurl_site_id_7d6fd976_fk_django_site_id" IMMEDIATE;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter field site on pageurl
--
ALTER TABLE "cms_pageurl" ALTER COLUMN "site_id" SET NOT NULL;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Create constraint unique_site_language_path on model pageurl
--
ALTER TABLE "cms_pageurl" ADD CONSTRAINT "unique_site_language_path" UNIQUE ("site_id", "language", "path");
CREATE INDEX "cms_pageurl_site_id_7d6fd976" ON "cms_pageurl" ("site_id");
COMMIT;
