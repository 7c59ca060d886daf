BEGIN;
--
-- Create constraint unique_in_progress_workflow on model workflowstate
--
DROP INDEX IF EXISTS "unique_in_progress_workflow";
--
-- Alter field status on workflowstate
--
-- (no-op)
--
-- Remove constraint unique_in_progress_workflow from model workflowstate
--
CREATE UNIQUE INDEX "unique_in_progress_workflow" ON "wagtailcore_workflowstate" ("page_id") WHERE "status" = 'in_progress';
COMMIT;
