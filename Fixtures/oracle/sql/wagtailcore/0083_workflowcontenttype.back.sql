BEGIN;
--
-- Create model WorkflowContentType
--
DROP TABLE "wagtailcore_workflowcontenttype" CASCADE;
COMMIT;
