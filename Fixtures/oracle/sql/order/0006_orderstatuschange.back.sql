BEGIN;
--
-- Create model OrderStatusChange
--
DROP TABLE "order_orderstatuschange" CASCADE;
COMMIT;
