BEGIN;
--
-- Create constraint unique_in_progress_workflow on model workflowstate
--
DROP INDEX IF EXISTS "unique_in_progress_workflow";
--
-- Create index workflowstate_base_ct_id_idx on field(s) base_content_type, object_id of model workflowstate
--
DROP INDEX IF EXISTS "workflowstate_base_ct_id_idx";
--
-- Create index workflowstate_ct_id_idx on field(s) content_type, object_id of model workflowstate
--
DROP INDEX IF EXISTS "workflowstate_ct_id_idx";
--
-- Add field base_content_type to workflowstate
--
SET CONSTRAINTS "wagtailcore_workflow_base_content_type_id_a30dc576_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_workflowstate" DROP CONSTRAINT "wagtailcore_workflow_base_content_type_id_a30dc576_fk_django_co";
ALTER TABLE "wagtailcore_workflowstate" DROP COLUMN "base_content_type_id" CASCADE;
--
-- Add field content_type to workflowstate
--
SET CONSTRAINTS "wagtailcore_workflow_content_type_id_2bb78ce1_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_workflowstate" DROP CONSTRAINT "wagtailcore_workflow_content_type_id_2bb78ce1_fk_django_co";
ALTER TABLE "wagtailcore_workflowstate" DROP COLUMN "content_type_id" CASCADE;
--
-- Rename field page on workflowstate to object_id
--
ALTER TABLE "wagtailcore_workflowstate" RENAME COLUMN "object_id" TO "page";
--
-- Alter field page on workflowstate
--
ALTER TABLE "wagtailcore_workflowstate" RENAME COLUMN "page" TO "page_id";
ALTER TABLE "wagtailcore_workflowstate" ALTER COLUMN "page_id" TYPE integer USING "page_id"::integer;
CREATE INDEX "wagtailcore_workflowstate_page_id_6c962862" ON "wagtailcore_workflowstate" ("page_id");
ALTER TABLE "wagtailcore_workflowstate" ADD CONSTRAINT "wagtailcore_workflow_page_id_6c962862_fk_wagtailco" FOREIGN KEY ("page_id") REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Remove constraint unique_in_progress_workflow from model workflowstate
--
CREATE UNIQUE INDEX "unique_in_progress_workflow" ON "wagtailcore_workflowstate" ("page_id") WHERE "status" IN ('in_progress', 'needs_changes');
COMMIT;
