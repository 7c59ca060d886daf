BEGIN;
--
-- Change Meta options on productalert
--
-- (no-op)
--
-- Alter field date_created on productalert
--
CREATE INDEX "customer_productalert_date_created_00622b1c" ON "customer_productalert" ("date_created");
COMMIT;
