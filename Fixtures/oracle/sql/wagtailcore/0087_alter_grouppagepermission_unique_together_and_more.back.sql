BEGIN;
--
-- Create constraint unique_permission_type on model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "unique_permission_type";
--
-- Create constraint unique_permission on model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "unique_permission";
--
-- Create constraint permission_or_permission_type_not_null on model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "permission_or_permission_type_not_null";
--
-- Alter unique_together for grouppagepermission (0 constraint(s))
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "wagtailcore_grouppageper_group_id_page_id_permiss_0898bdf8_uniq" UNIQUE ("group_id", "page_id", "permission_type");
COMMIT;
