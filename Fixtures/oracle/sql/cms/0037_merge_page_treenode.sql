BEGIN;
--
-- Change Meta options on page
--
-- (no-op)
--
-- Change Meta options on treenode
--
-- (no-op)
--
-- Add field depth to page
--
ALTER TABLE "cms_page" ADD COLUMN "depth" integer DEFAULT 0 NOT NULL CHECK ("depth" >= 0);
ALTER TABLE "cms_page" ALTER COLUMN "depth" DROP DEFAULT;
--
-- Add field numchild to page
--
ALTER TABLE "cms_page" ADD COLUMN "numchild" integer DEFAULT 0 NOT NULL CHECK ("numchild" >= 0);
ALTER TABLE "cms_page" ALTER COLUMN "numchild" DROP DEFAULT;
--
-- Add field parent to page
--
ALTER TABLE "cms_page" ADD COLUMN "parent_id" integer NULL CONSTRAINT "cms_page_parent_id_f89b72e4_fk_cms_page_id" REFERENCES "cms_page"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "cms_page_parent_id_f89b72e4_fk_cms_page_id" IMMEDIATE;
--
-- Add field path to page
--
ALTER TABLE "cms_page" ADD COLUMN "path" varchar(255) NULL UNIQUE;
--
-- Add field site to page
--
ALTER TABLE "cms_page" ADD COLUMN "site_id" integer NULL CONSTRAINT "cms_page_site_id_4323d3ff_fk_django_site_id" REFERENCES "django_site"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "cms_page_site_id_4323d3ff_fk_django_site_id" IMMEDIATE;
--
-- Alter field is_page_type on page
--
-- (no-op)
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter field depth on page
--
-- (no-op)
--
-- Alter field path on page
--
ALTER TABLE "cms_page" ALTER COLUMN "path" SET NOT NULL;
--
-- Alter field site on page
--
ALTER TABLE "cms_page" ALTER COLUMN "site_id" SET NOT NULL;
CREATE INDEX "cms_page_parent_id_f89b72e4" ON "cms_page" ("parent_id");
CREATE INDEX "cms_page_path_d3a06f3d_like" ON "cms_page" ("path" varchar_pattern_ops);
CREATE INDEX "cms_page_site_id_4323d3ff" ON "cms_page" ("site_id");
COMMIT;
