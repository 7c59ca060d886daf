BEGIN;
--
-- Alter field type on option
--
ALTER TABLE "catalogue_option" ALTER COLUMN "type" TYPE varchar(128);
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field required to option
--
ALTER TABLE "catalogue_option" DROP COLUMN "required" CASCADE;
COMMIT;
