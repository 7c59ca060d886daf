BEGIN;
--
-- Alter field value_boolean on productattributevalue
--
CREATE INDEX "catalogue_productattributevalue_value_boolean_c5b0d66a" ON "catalogue_productattributevalue" ("value_boolean");
--
-- Alter field value_date on productattributevalue
--
CREATE INDEX "catalogue_productattributevalue_value_date_d18775c1" ON "catalogue_productattributevalue" ("value_date");
--
-- Alter field value_datetime on productattributevalue
--
CREATE INDEX "catalogue_productattributevalue_value_datetime_b474ac38" ON "catalogue_productattributevalue" ("value_datetime");
--
-- Alter field value_float on productattributevalue
--
CREATE INDEX "catalogue_productattributevalue_value_float_5ef8d3db" ON "catalogue_productattributevalue" ("value_float");
--
-- Alter field value_integer on productattributevalue
--
CREATE INDEX "catalogue_productattributevalue_value_integer_55fbb7d6" ON "catalogue_productattributevalue" ("value_integer");
COMMIT;
