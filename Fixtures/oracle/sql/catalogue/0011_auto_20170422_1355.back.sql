BEGIN;
--
-- Alter unique_together for productimage (0 constraint(s))
--
ALTER TABLE "catalogue_productimage" ADD CONSTRAINT "catalogue_productimage_product_id_display_order_2df78171_uniq" UNIQUE ("product_id", "display_order");
COMMIT;
