BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Change Meta options on site
--
-- (no-op)
--
-- Alter unique_together for site (1 constraint(s))
--
ALTER TABLE "wagtailcore_site" DROP CONSTRAINT "wagtailcore_site_hostname_port_2c626d70_uniq";
--
-- Create model Site
--
DROP TABLE "wagtailcore_site" CASCADE;
--
-- Change Meta options on pageviewrestriction
--
-- (no-op)
--
-- Create model PageViewRestriction
--
DROP TABLE "wagtailcore_pageviewrestriction" CASCADE;
--
-- Change Meta options on pagerevision
--
-- (no-op)
--
-- Create model PageRevision
--
DROP TABLE "wagtailcore_pagerevision" CASCADE;
--
-- Change Meta options on grouppagepermission
--
-- (no-op)
--
-- Alter unique_together for grouppagepermission (1 constraint(s))
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "wagtailcore_grouppageper_group_id_page_id_permiss_0898bdf8_uniq";
--
-- Create model GroupPagePermission
--
DROP TABLE "wagtailcore_grouppagepermission" CASCADE;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Create model Page
--
DROP TABLE "wagtailcore_page" CASCADE;
COMMIT;
