BEGIN;
--
-- Remove constraint unique_in_progress_workflow from model workflowstate
--
DROP INDEX IF EXISTS "unique_in_progress_workflow";
--
-- Alter field page on workflowstate
--
SET CONSTRAINTS "wagtailcore_workflow_page_id_6c962862_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_workflowstate" DROP CONSTRAINT "wagtailcore_workflow_page_id_6c962862_fk_wagtailco";
DROP INDEX IF EXISTS "unique_in_progress_workflow";
DROP INDEX IF EXISTS "wagtailcore_workflowstate_page_id_6c962862";
ALTER TABLE "wagtailcore_workflowstate" RENAME COLUMN "page_id" TO "page";
ALTER TABLE "wagtailcore_workflowstate" ALTER COLUMN "page" TYPE varchar(255) USING "page"::varchar(255);
--
-- Rename field page on workflowstate to object_id
--
ALTER TABLE "wagtailcore_workflowstate" RENAME COLUMN "page" TO "object_id";
--
-- Add field content_type to workflowstate
--
ALTER TABLE "wagtailcore_workflowstate" ADD COLUMN "content_type_id" integer NULL CONSTRAINT "wagtailcore_workflow_content_type_id_2bb78ce1_fk_django_co" REFERENCES "django_content_type"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_workflow_content_type_id_2bb78ce1_fk_django_co" IMMEDIATE;
--
-- Add field base_content_type to workflowstate
--
ALTER TABLE "wagtailcore_workflowstate" ADD COLUMN "base_content_type_id" integer NULL CONSTRAINT "wagtailcore_workflow_base_content_type_id_a30dc576_fk_django_co" REFERENCES "django_content_type"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_workflow_base_content_type_id_a30dc576_fk_django_co" IMMEDIATE;
--
-- Create index workflowstate_ct_id_idx on field(s) content_type, object_id of model workflowstate
--
CREATE INDEX "workflowstate_ct_id_idx" ON "wagtailcore_workflowstate" ("content_type_id", "object_id");
--
-- Create index workflowstate_base_ct_id_idx on field(s) base_content_type, object_id of model workflowstate
--
CREATE INDEX "workflowstate_base_ct_id_idx" ON "wagtailcore_workflowstate" ("base_content_type_id", "object_id");
--
-- Create constraint unique_in_progress_workflow on model workflowstate
--
CREATE UNIQUE INDEX "unique_in_progress_workflow" ON "wagtailcore_workflowstate" ("base_content_type_id", "object_id") WHERE "status" IN ('in_progress', 'needs_changes');
CREATE INDEX "wagtailcore_workflowstate_content_type_id_2bb78ce1" ON "wagtailcore_workflowstate" ("content_type_id");
CREATE INDEX "wagtailcore_workflowstate_base_content_type_id_a30dc576" ON "wagtailcore_workflowstate" ("base_content_type_id");
COMMIT;
