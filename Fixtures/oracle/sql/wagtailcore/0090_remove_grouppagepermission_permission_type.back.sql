BEGIN;
--
-- Alter field permission on grouppagepermission
--
SET CONSTRAINTS "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm" IMMEDIATE; ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm";
ALTER TABLE "wagtailcore_grouppagepermission" ALTER COLUMN "permission_id" DROP NOT NULL;
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm" FOREIGN KEY ("permission_id") REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Remove field permission_type from grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD COLUMN "permission_type" varchar(20) NULL;
--
-- Remove constraint unique_permission_type from model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "unique_permission_type" UNIQUE ("group_id", "page_id", "permission_type");
--
-- Remove constraint permission_or_permission_type_not_null from model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "permission_or_permission_type_not_null" CHECK (("permission_id" IS NOT NULL OR "permission_type" IS NOT NULL));
COMMIT;
