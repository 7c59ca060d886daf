BEGIN;
--
-- Add field required to option
--
ALTER TABLE "catalogue_option" ADD COLUMN "required" boolean DEFAULT false NOT NULL;
ALTER TABLE "catalogue_option" ALTER COLUMN "required" DROP DEFAULT;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Alter field type on option
--
ALTER TABLE "catalogue_option" ALTER COLUMN "type" TYPE varchar(255);
COMMIT;
