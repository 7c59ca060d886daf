BEGIN;
--
-- Alter field site on page
--
SET CONSTRAINTS "cms_page_site_id_4323d3ff_fk_django_site_id" IMMEDIATE; ALTER TABLE "cms_page" DROP CONSTRAINT "cms_page_site_id_4323d3ff_fk_django_site_id";
ALTER TABLE "cms_page" ALTER COLUMN "site_id" DROP NOT NULL;
ALTER TABLE "cms_page" ADD CONSTRAINT "cms_page_site_id_4323d3ff_fk_django_site_id" FOREIGN KEY ("site_id") REFERENCES "django_site" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field path on page
--
ALTER TABLE "cms_page" ALTER COLUMN "path" DROP NOT NULL;
--
-- Alter field depth on page
--
-- (no-op)
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter field is_page_type on page
--
-- (no-op)
--
-- Add field site to page
--
SET CONSTRAINTS "cms_page_site_id_4323d3ff_fk_django_site_id" IMMEDIATE; ALTER TABLE "cms_page" DROP CONSTRAINT "cms_page_site_id_4323d3ff_fk_django_site_id";
ALTER TABLE "cms_page" DROP COLUMN "site_id" CASCADE;
--
-- Add field path to page
--
ALTER TABLE "cms_page" DROP COLUMN "path" CASCADE;
--
-- Add field parent to page
--
SET CONSTRAINTS "cms_page_parent_id_f89b72e4_fk_cms_page_id" IMMEDIATE; ALTER TABLE "cms_page" DROP CONSTRAINT "cms_page_parent_id_f89b72e4_fk_cms_page_id";
ALTER TABLE "cms_page" DROP COLUMN "parent_id" CASCADE;
--
-- Add field numchild to page
--
ALTER TABLE "cms_page" DROP COLUMN "numchild" CASCADE;
--
-- Add field depth to page
--
ALTER TABLE "cms_page" DROP COLUMN "depth" CASCADE;
--
-- Change Meta options on treenode
--
-- (no-op)
--
-- Change Meta options on page
--
-- (no-op)
COMMIT;
