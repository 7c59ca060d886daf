BEGIN;
--
-- Alter field date_created on productalert
--
DROP INDEX IF EXISTS "customer_productalert_date_created_00622b1c";
--
-- Change Meta options on productalert
--
-- (no-op)
COMMIT;
