BEGIN;
--
-- Add field owner to basket
--
SET CONSTRAINTS "basket_basket_owner_id_3a018de5_fk_auth_user_id" IMMEDIATE; ALTER TABLE "basket_basket" DROP CONSTRAINT "basket_basket_owner_id_3a018de5_fk_auth_user_id";
ALTER TABLE "basket_basket" DROP COLUMN "owner_id" CASCADE;
--
-- Alter unique_together for line (1 constraint(s))
--
ALTER TABLE "basket_line" DROP CONSTRAINT "basket_line_basket_id_line_reference_8977e974_uniq";
--
-- Add field stockrecord to line
--
SET CONSTRAINTS "basket_line_stockrecord_id_7039d8a4_fk_partner_stockrecord_id" IMMEDIATE; ALTER TABLE "basket_line" DROP CONSTRAINT "basket_line_stockrecord_id_7039d8a4_fk_partner_stockrecord_id";
ALTER TABLE "basket_line" DROP COLUMN "stockrecord_id" CASCADE;
--
-- Add field product to line
--
SET CONSTRAINTS "basket_line_product_id_303d743e_fk_catalogue_product_id" IMMEDIATE; ALTER TABLE "basket_line" DROP CONSTRAINT "basket_line_product_id_303d743e_fk_catalogue_product_id";
ALTER TABLE "basket_line" DROP COLUMN "product_id" CASCADE;
--
-- Add field basket to line
--
SET CONSTRAINTS "basket_line_basket_id_b615c905_fk_basket_basket_id" IMMEDIATE; ALTER TABLE "basket_line" DROP CONSTRAINT "basket_line_basket_id_b615c905_fk_basket_basket_id";
ALTER TABLE "basket_line" DROP COLUMN "basket_id" CASCADE;
--
-- Add field option to lineattribute
--
SET CONSTRAINTS "basket_lineattribute_option_id_9387a3f7_fk_catalogue_option_id" IMMEDIATE; ALTER TABLE "basket_lineattribute" DROP CONSTRAINT "basket_lineattribute_option_id_9387a3f7_fk_catalogue_option_id";
ALTER TABLE "basket_lineattribute" DROP COLUMN "option_id" CASCADE;
COMMIT;
