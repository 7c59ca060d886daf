BEGIN;
--
-- Create proxy model ValueCondition
--
-- (no-op)
--
-- Create proxy model ShippingPercentageDiscountBenefit
--
-- (no-op)
--
-- Create proxy model ShippingFixedPriceBenefit
--
-- (no-op)
--
-- Create proxy model ShippingAbsoluteDiscountBenefit
--
-- (no-op)
--
-- Create proxy model ShippingBenefit
--
-- (no-op)
--
-- Create proxy model PercentageDiscountBenefit
--
-- (no-op)
--
-- Create proxy model MultibuyDiscountBenefit
--
-- (no-op)
--
-- Create proxy model FixedPriceBenefit
--
-- (no-op)
--
-- Create proxy model CoverageCondition
--
-- (no-op)
--
-- Create proxy model CountCondition
--
-- (no-op)
--
-- Create proxy model AbsoluteDiscountBenefit
--
-- (no-op)
--
-- Add field range to benefit
--
SET CONSTRAINTS "offer_benefit_range_id_ab19c5ab_fk_offer_range_id" IMMEDIATE; ALTER TABLE "offer_benefit" DROP CONSTRAINT "offer_benefit_range_id_ab19c5ab_fk_offer_range_id";
ALTER TABLE "offer_benefit" DROP COLUMN "range_id" CASCADE;
--
-- Add field range to condition
--
SET CONSTRAINTS "offer_condition_range_id_b023a2aa_fk_offer_range_id" IMMEDIATE; ALTER TABLE "offer_condition" DROP CONSTRAINT "offer_condition_range_id_b023a2aa_fk_offer_range_id";
ALTER TABLE "offer_condition" DROP COLUMN "range_id" CASCADE;
--
-- Add field included_products to range
--
-- (no-op)
--
-- Alter unique_together for rangeproduct (1 constraint(s))
--
ALTER TABLE "offer_rangeproduct" DROP CONSTRAINT "offer_rangeproduct_range_id_product_id_c46b1be8_uniq";
--
-- Create model RangeProductFileUpload
--
DROP TABLE "offer_rangeproductfileupload" CASCADE;
--
-- Create model RangeProduct
--
DROP TABLE "offer_rangeproduct" CASCADE;
--
-- Create model Range
--
DROP TABLE "offer_range_classes" CASCADE;
DROP TABLE "offer_range_excluded_products" CASCADE;
DROP TABLE "offer_range_included_categories" CASCADE;
DROP TABLE "offer_range" CASCADE;
--
-- Create model ConditionalOffer
--
DROP TABLE "offer_conditionaloffer" CASCADE;
--
-- Create model Condition
--
DROP TABLE "offer_condition" CASCADE;
--
-- Create model Benefit
--
DROP TABLE "offer_benefit" CASCADE;
COMMIT;
