BEGIN;
--
-- Create model GroupSitePermission
--
DROP TABLE "wagtailcore_groupsitepermission" CASCADE;
COMMIT;
