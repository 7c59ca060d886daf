BEGIN;
--
-- Add field permission to grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ADD COLUMN "permission_id" integer NULL CONSTRAINT "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm" REFERENCES "auth_permission"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_grouppag_permission_id_05acb22e_fk_auth_perm" IMMEDIATE;
--
-- Alter field permission_type on grouppagepermission
--
ALTER TABLE "wagtailcore_grouppagepermission" ALTER COLUMN "permission_type" DROP NOT NULL;
CREATE INDEX "wagtailcore_grouppagepermission_permission_id_05acb22e" ON "wagtailcore_grouppagepermission" ("permission_id");
COMMIT;
