BEGIN;
--
-- Remove field unit_retail_price from line
--
ALTER TABLE "order_line" ADD COLUMN "unit_retail_price" numeric(12, 2) NULL;
--
-- Remove field unit_cost_price from line
--
ALTER TABLE "order_line" ADD COLUMN "unit_cost_price" numeric(12, 2) NULL;
--
-- Remove field est_dispatch_date from line
--
ALTER TABLE "order_line" ADD COLUMN "est_dispatch_date" date NULL;
COMMIT;
