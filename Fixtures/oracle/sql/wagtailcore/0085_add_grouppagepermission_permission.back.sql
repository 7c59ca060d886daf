BEGIN;
--
-- Alter field permission_type on grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ALTER COLUMN "permission_type" SET NOT NULL;
--
-- Add field permission to grouppagepermission
--
SET CONSTRAINTS "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm" IMMEDIATE; ALTER TABLE "wagtailcore_grouppagepermission" DROP CONSTRAINT "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm";
ALTER TABLE "wagtailcore_grouppagepermission" DROP COLUMN "permission_id" CASCADE;
COMMIT;
