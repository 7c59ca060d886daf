BEGIN;
--
-- Alter field name on orderanditemcharges
--
-- (no-op)
--
-- Alter field upper_limit on weightband
--
CREATE INDEX "shipping_weightband_upper_limit_9edc5097" ON "shipping_weightband" ("upper_limit");
--
-- Alter field name on weightbased
--
-- (no-op)
COMMIT;
