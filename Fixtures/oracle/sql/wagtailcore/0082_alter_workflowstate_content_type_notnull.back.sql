BEGIN;
--
-- Alter field content_type on workflowstate
--
SET CONSTRAINTS "wagtailcore_workflow_content_type_id_2bb78ce1_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_workflowstate" DROP CONSTRAINT "wagtailcore_workflow_content_type_id_2bb78ce1_fk_django_co";
ALTER TABLE "wagtailcore_workflowstate" ALTER COLUMN "content_type_id" DROP NOT NULL;
ALTER TABLE "wagtailcore_workflowstate" ADD CONSTRAINT "wagtailcore_workflow_content_type_id_2bb78ce1_fk_django_co" FOREIGN KEY ("content_type_id") REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field base_content_type on workflowstate
--
SET CONSTRAINTS "wagtailcore_workflow_base_content_type_id_a30dc576_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_workflowstate" DROP CONSTRAINT "wagtailcore_workflow_base_content_type_id_a30dc576_fk_django_co";
ALTER TABLE "wagtailcore_workflowstate" ALTER COLUMN "base_content_type_id" DROP NOT NULL;
ALTER TABLE "wagtailcore_workflowstate" ADD CONSTRAINT "wagtailcore_workflow_base_content_type_id_a30dc576_fk_django_co" FOREIGN KEY ("base_content_type_id") REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
