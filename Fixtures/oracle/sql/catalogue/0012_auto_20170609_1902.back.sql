BEGIN;
--
-- Alter field type on productattribute
--
-- (no-op)
--
-- Add field value_datetime to productattributevalue
--
ALTER TABLE "catalogue_productattributevalue" DROP COLUMN "value_datetime" CASCADE;
COMMIT;
