BEGIN;
--
-- Alter unique_together for productattribute (1 constraint(s))
--
ALTER TABLE "catalogue_productattribute" DROP CONSTRAINT "catalogue_productattribute_code_product_class_id_82f69012_uniq";
COMMIT;
