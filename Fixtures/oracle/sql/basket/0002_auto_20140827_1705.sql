BEGIN;
--
-- Add field option to lineattribute
--
ALTER TABLE "basket_lineattribute" ADD COLUMN "option_id" bigint NOT NULL CONSTRAINT "basket_lineattribute_option_id_9387a3f7_fk_catalogue_option_id" REFERENCES "catalogue_option"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "basket_lineattribute_option_id_9387a3f7_fk_catalogue_option_id" IMMEDIATE;
--
-- Add field basket to line
--
ALTER TABLE "basket_line" ADD COLUMN "basket_id" bigint NOT NULL CONSTRAINT "basket_line_basket_id_b615c905_fk_basket_basket_id" REFERENCES "basket_basket"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "basket_line_basket_id_b615c905_fk_basket_basket_id" IMMEDIATE;
--
-- Add field product to line
--
ALTER TABLE "basket_line" ADD COLUMN "product_id" bigint NOT NULL CONSTRAINT "basket_line_product_id_303d743e_fk_catalogue_product_id" REFERENCES "catalogue_product"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "basket_line_product_id_303d743e_fk_catalogue_product_id" IMMEDIATE;
--
-- Add field stockrecord to line
--
ALTER TABLE "basket_line" ADD COLUMN "stockrecord_id" bigint NOT NULL CONSTRAINT "basket_line_stockrecord_id_7039d8a4_fk_partner_stockrecord_id" REFERENCES "partner_stockrecord"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "basket_line_stockrecord_id_7039d8a4_fk_partner_stockrecord_id" IMMEDIATE;
--
-- Alter unique_together for line (1 constraint(s))
--
ALTER TABLE "basket_line" ADD CONSTRAINT "basket_line_basket_id_line_reference_8977e974_uniq" UNIQUE ("basket_id", "line_reference");
--
-- Add field owner to basket
--
ALTER TABLE "basket_basket" ADD COLUMN "owner_id" integer NULL CONSTRAINT "basket_basket_owner_id_3a018de5_fk_auth_user_id" REFERENCES "auth_user"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "basket_basket_owner_id_3a018de5_fk_auth_user_id" IMMEDIATE;
CREATE INDEX "basket_lineattribute_option_id_9387a3f7" ON "basket_lineattribute" ("option_id");
CREATE INDEX "basket_line_basket_id_b615c905" ON "basket_line" ("basket_id");
CREATE INDEX "basket_line_product_id_303d743e" ON "basket_line" ("product_id");
CREATE INDEX "basket_line_stockrecord_id_7039d8a4" ON "basket_line" ("stockrecord_id");
CREATE INDEX "basket_basket_owner_id_3a018de5" ON "basket_basket" ("owner_id");
COMMIT;
