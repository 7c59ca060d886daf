BEGIN;
--
-- Alter field name on weightbased
--
-- (no-op)
--
-- Alter field upper_limit on weightband
--
DROP INDEX IF EXISTS "shipping_weightband_upper_limit_9edc5097";
--
-- Alter field name on orderanditemcharges
--
-- (no-op)
COMMIT;
