BEGIN;
--
-- Remove field est_dispatch_date from line
--
ALTER TABLE "order_line" DROP COLUMN "est_dispatch_date" CASCADE;
--
-- Remove field unit_cost_price from line
--
ALTER TABLE "order_line" DROP COLUMN "unit_cost_price" CASCADE;
--
-- Remove field unit_retail_price from line
--
ALTER TABLE "order_line" DROP COLUMN "unit_retail_price" CASCADE;
COMMIT;
