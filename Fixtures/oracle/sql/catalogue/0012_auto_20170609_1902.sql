BEGIN;
--
-- Add field value_datetime to productattributevalue
--
ALTER TABLE "catalogue_productattributevalue" ADD COLUMN "value_datetime" timestamp with time zone NULL;
--
-- Alter field type on productattribute
--
-- (no-op)
COMMIT;
