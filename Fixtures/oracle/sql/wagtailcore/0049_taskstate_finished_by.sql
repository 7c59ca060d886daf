BEGIN;
--
-- Add field finished_by to taskstate
--
ALTER TABLE "wagtailcore_taskstate" ADD COLUMN "finished_by_id" integer NULL CONSTRAINT "wagtailcore_taskstate_finished_by_id_13f98229_fk_auth_user_id" REFERENCES "auth_user"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_taskstate_finished_by_id_13f98229_fk_auth_user_id" IMMEDIATE;
CREATE INDEX "wagtailcore_taskstate_finished_by_id_13f98229" ON "wagtailcore_taskstate" ("finished_by_id");
COMMIT;
