BEGIN;
--
-- Add field groups to groupapprovaltask
--
DROP TABLE "wagtailcore_groupapprovaltask_groups" CASCADE;
--
-- Create constraint unique_in_progress_workflow on model workflowstate
--
DROP INDEX IF EXISTS "unique_in_progress_workflow";
--
-- Create model WorkflowTask
--
DROP TABLE "wagtailcore_workflowtask" CASCADE;
--
-- Add field workflow_state to taskstate
--
SET CONSTRAINTS "wagtailcore_taskstat_workflow_state_id_9239a775_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_taskstate" DROP CONSTRAINT "wagtailcore_taskstat_workflow_state_id_9239a775_fk_wagtailco";
ALTER TABLE "wagtailcore_taskstate" DROP COLUMN "workflow_state_id" CASCADE;
--
-- Create model WorkflowPage
--
DROP TABLE "wagtailcore_workflowpage" CASCADE;
--
-- Create model WorkflowState
--
DROP TABLE "wagtailcore_workflowstate" CASCADE;
--
-- Create model GroupApprovalTask
--
DROP TABLE "wagtailcore_groupapprovaltask" CASCADE;
--
-- Create model Workflow
--
DROP TABLE "wagtailcore_workflow" CASCADE;
--
-- Create model TaskState
--
DROP TABLE "wagtailcore_taskstate" CASCADE;
--
-- Create model Task
--
DROP TABLE "wagtailcore_task" CASCADE;
COMMIT;
