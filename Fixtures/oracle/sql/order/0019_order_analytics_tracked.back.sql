BEGIN;
--
-- Add field analytics_tracked to order
--
ALTER TABLE "order_order" DROP COLUMN "analytics_tracked" CASCADE;
COMMIT;
