BEGIN;
--
-- Create proxy model FixedUnitDiscountBenefit
--
-- (no-op)
--
-- Alter field type on benefit
--
-- (no-op)
COMMIT;
