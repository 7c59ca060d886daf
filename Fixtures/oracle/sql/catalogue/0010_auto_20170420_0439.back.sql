BEGIN;
--
-- Alter field type on productattribute
--
-- (no-op)
--
-- Alter field option_group on productattribute
--
-- (no-op)
--
-- Add field value_multi_option to productattributevalue
--
DROP TABLE "catalogue_productattributevalue_value_multi_option" CASCADE;
COMMIT;
