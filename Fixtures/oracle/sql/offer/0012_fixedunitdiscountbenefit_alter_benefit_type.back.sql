BEGIN;
--
-- Alter field type on benefit
--
-- (no-op)
--
-- Create proxy model FixedUnitDiscountBenefit
--
-- (no-op)
COMMIT;
