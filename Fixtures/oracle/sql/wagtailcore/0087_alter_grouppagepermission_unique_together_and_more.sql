BEGIN;
--
-- Alter unique_together for grouppagepermission (0 constraint(s))
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "wagtailcore_grouppageper_group_id_page_id_permiss_0898bdf8_uniq";
--
-- Create constraint permission_or_permission_type_not_null on model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "permission_or_permission_type_not_null" CHECK (("permission_id" IS NOT NULL OR "permission_type" IS NOT NULL));
--
-- Create constraint unique_permission on model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "unique_permission" UNIQUE ("group_id", "page_id", "permission_id");
--
-- Create constraint unique_permission_type on model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "unique_permission_type" UNIQUE ("group_id", "page_id", "permission_type");
COMMIT;
