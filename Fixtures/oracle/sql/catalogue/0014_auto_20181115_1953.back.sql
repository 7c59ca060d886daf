BEGIN;
--
-- Alter field ranking on productrecommendation
--
DROP INDEX IF EXISTS "catalogue_productrecommendation_ranking_e7a0f7fd";
--
-- Alter field display_order on productimage
--
DROP INDEX IF EXISTS "catalogue_productimage_display_order_9fa741ac";
--
-- Alter field date_created on product
--
DROP INDEX IF EXISTS "catalogue_product_date_created_d66f485a";
COMMIT;
