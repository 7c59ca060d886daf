BEGIN;
--
-- Add field product to productrecord
--
SET CONSTRAINTS "analytics_productrec_product_id_dad3a871_fk_catalogue" IMMEDIATE; ALTER TABLE "analytics_productrecord" DROP CONSTRAINT "analytics_productrec_product_id_dad3a871_fk_catalogue";
ALTER TABLE "analytics_productrecord" DROP COLUMN "product_id" CASCADE;
--
-- Add field user to userproductview
--
SET CONSTRAINTS "analytics_userproductview_user_id_5e49a8b1_fk_auth_user_id" IMMEDIATE; ALTER TABLE "analytics_userproductview" DROP CONSTRAINT "analytics_userproductview_user_id_5e49a8b1_fk_auth_user_id";
ALTER TABLE "analytics_userproductview" DROP COLUMN "user_id" CASCADE;
--
-- Add field product to userproductview
--
SET CONSTRAINTS "analytics_userproduc_product_id_a55b87ad_fk_catalogue" IMMEDIATE; ALTER TABLE "analytics_userproductview" DROP CONSTRAINT "analytics_userproduc_product_id_a55b87ad_fk_catalogue";
ALTER TABLE "analytics_userproductview" DROP COLUMN "product_id" CASCADE;
COMMIT;
