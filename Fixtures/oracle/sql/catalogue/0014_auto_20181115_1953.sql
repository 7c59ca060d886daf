BEGIN;
--
-- Alter field date_created on product
--
CREATE INDEX "catalogue_product_date_created_d66f485a" ON "catalogue_product" ("date_created");
--
-- Alter field display_order on productimage
--
CREATE INDEX "catalogue_productimage_display_order_9fa741ac" ON "catalogue_productimage" ("display_order");
--
-- Alter field ranking on productrecommendation
--
CREATE INDEX "catalogue_productrecommendation_ranking_e7a0f7fd" ON "catalogue_productrecommendation" ("ranking");
COMMIT;
