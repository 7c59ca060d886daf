BEGIN;
--
-- Add field method to weightband
--
SET CONSTRAINTS "shipping_weightband_method_id_b699a1ba_fk_shipping_" IMMEDIATE; ALTER TABLE "shipping_weightband" DROP CONSTRAINT "shipping_weightband_method_id_b699a1ba_fk_shipping_";
ALTER TABLE "shipping_weightband" DROP COLUMN "method_id" CASCADE;
--
-- Create model WeightBased
--
DROP TABLE "shipping_weightbased_countries" CASCADE;
DROP TABLE "shipping_weightbased" CASCADE;
--
-- Create model WeightBand
--
DROP TABLE "shipping_weightband" CASCADE;
--
-- Create model OrderAndItemCharges
--
DROP TABLE "shipping_orderanditemcharges_countries" CASCADE;
DROP TABLE "shipping_orderanditemcharges" CASCADE;
COMMIT;
