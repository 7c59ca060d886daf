BEGIN;
--
-- Add field finished_by to taskstate
--
SET CONSTRAINTS "wagtailcore_taskstate_finished_by_id_13f98229_fk_auth_user_id" IMMEDIATE; ALTER TABLE "wagtailcore_taskstate" DROP CONSTRAINT "wagtailcore_taskstate_finished_by_id_13f98229_fk_auth_user_id";
ALTER TABLE "wagtailcore_taskstate" DROP COLUMN "finished_by_id" CASCADE;
COMMIT;
