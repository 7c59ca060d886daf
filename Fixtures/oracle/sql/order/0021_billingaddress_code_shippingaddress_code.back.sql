BEGIN;
--
-- Add field code to shippingaddress
--
ALTER TABLE "order_shippingaddress" DROP COLUMN "code" CASCADE;
--
-- Add field code to billingaddress
--
ALTER TABLE "order_billingaddress" DROP COLUMN "code" CASCADE;
COMMIT;
