BEGIN;
--
-- Add field num_orders_as_billing_address to useraddress
--
ALTER TABLE "address_useraddress" DROP COLUMN "num_orders_as_billing_address" CASCADE;
--
-- Rename field num_orders on useraddress to num_orders_as_shipping_address
--
ALTER TABLE "address_useraddress" RENAME COLUMN "num_orders_as_shipping_address" TO "num_orders";
COMMIT;
