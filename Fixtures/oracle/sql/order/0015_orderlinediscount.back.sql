BEGIN;
--
-- Create model OrderLineDiscount
--
DROP TABLE "order_orderlinediscount" CASCADE;
COMMIT;
