BEGIN;
--
-- Alter unique_together for productimage (0 constraint(s))
--
ALTER TABLE "catalogue_productimage" DROP CONSTRAINT "catalogue_productimage_product_id_display_order_2df78171_uniq";
COMMIT;
