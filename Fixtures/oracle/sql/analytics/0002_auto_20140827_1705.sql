BEGIN;
--
-- Add field product to userproductview
--
ALTER TABLE "analytics_userproductview" ADD COLUMN "product_id" bigint NOT NULL CONSTRAINT "analytics_userproduc_product_id_a55b87ad_fk_catalogue" REFERENCES "catalogue_product"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "analytics_userproduc_product_id_a55b87ad_fk_catalogue" IMMEDIATE;
--
-- Add field user to userproductview
--
ALTER TABLE "analytics_userproductview" ADD COLUMN "user_id" integer NOT NULL CONSTRAINT "analytics_userproductview_user_id_5e49a8b1_fk_auth_user_id" REFERENCES "auth_user"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "analytics_userproductview_user_id_5e49a8b1_fk_auth_user_id" IMMEDIATE;
--
-- Add field product to productrecord
--
ALTER TABLE "analytics_productrecord" ADD COLUMN "product_id" bigint NOT NULL UNIQUE CONSTRAINT "analytics_productrec_product_id_dad3a871_fk_catalogue" REFERENCES "catalogue_product"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "analytics_productrec_product_id_dad3a871_fk_catalogue" IMMEDIATE;
CREATE INDEX "analytics_userproductview_product_id_a55b87ad" ON "analytics_userproductview" ("product_id");
CREATE INDEX "analytics_userproductview_user_id_5e49a8b1" ON "analytics_userproductview" ("user_id");
COMMIT;
