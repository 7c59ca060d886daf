BEGIN;
--
-- Alter field value_integer on productattributevalue
--
DROP INDEX IF EXISTS "catalogue_productattributevalue_value_integer_55fbb7d6";
--
-- Alter field value_float on productattributevalue
--
DROP INDEX IF EXISTS "catalogue_productattributevalue_value_float_5ef8d3db";
--
-- Alter field value_datetime on productattributevalue
--
DROP INDEX IF EXISTS "catalogue_productattributevalue_value_datetime_b474ac38";
--
-- Alter field value_date on productattributevalue
--
DROP INDEX IF EXISTS "catalogue_productattributevalue_value_date_d18775c1";
--
-- Alter field value_boolean on productattributevalue
--
DROP INDEX IF EXISTS "catalogue_productattributevalue_value_boolean_c5b0d66a";
COMMIT;
