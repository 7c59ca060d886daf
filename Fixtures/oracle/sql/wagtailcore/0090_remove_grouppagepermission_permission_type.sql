BEGIN;
--
-- Remove constraint permission_or_permission_type_not_null from model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "permission_or_permission_type_not_null";
--
-- Remove constraint unique_permission_type from model grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "unique_permission_type";
--
-- Remove field permission_type from grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" DROP COLUMN "permission_type" CASCADE;
--
-- Alter field permission on grouppagepermission
--
SET CONSTRAINTS "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm" IMMEDIATE; ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm";
ALTER TABLE "wagtailcore_grouppagepermission" ALTER COLUMN "permission_id" SET NOT NULL;
ALTER TABLE "wagtailcore_grouppagepermission" ADD CONSTRAINT "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm" FOREIGN KEY ("permission_id") REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
