BEGIN;
--
-- Add field analytics_tracked to order
--
ALTER TABLE "order_order" ADD COLUMN "analytics_tracked" boolean DEFAULT true NOT NULL;
ALTER TABLE "order_order" ALTER COLUMN "analytics_tracked" DROP DEFAULT;
COMMIT;
