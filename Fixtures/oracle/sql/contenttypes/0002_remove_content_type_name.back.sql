BEGIN;
--
-- Remove field name from contenttype
--
ALTER TABLE "django_content_type" ADD COLUMN "name" varchar(100) NULL;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter field name on contenttype
--
ALTER TABLE "django_content_type" ALTER COLUMN "name" SET NOT NULL;
--
-- Change Meta options on contenttype
--
-- (no-op)
COMMIT;
