BEGIN;
--
-- Add field object_id to placeholder
--
ALTER TABLE "cms_placeholder" DROP COLUMN "object_id" CASCADE;
--
-- Add field content_type to placeholder
--
SET CONSTRAINTS "cms_placeholder_content_type_id_a7659d9c_fk_django_co" IMMEDIATE; ALTER TABLE "cms_placeholder" DROP CONSTRAINT "cms_placeholder_content_type_id_a7659d9c_fk_django_co";
ALTER TABLE "cms_placeholder" DROP COLUMN "content_type_id" CASCADE;
COMMIT;
