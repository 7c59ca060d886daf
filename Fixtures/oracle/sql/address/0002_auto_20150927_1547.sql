BEGIN;
--
-- Rename field num_orders on useraddress to num_orders_as_shipping_address
--
ALTER TABLE "address_useraddress" RENAME COLUMN "num_orders" TO "num_orders_as_shipping_address";
--
-- Add field num_orders_as_billing_address to useraddress
--
ALTER TABLE "address_useraddress" ADD COLUMN "num_orders_as_billing_address" integer DEFAULT 0 NOT NULL CHECK ("num_orders_as_billing_address" >= 0);
ALTER TABLE "address_useraddress" ALTER COLUMN "num_orders_as_billing_address" DROP DEFAULT;
COMMIT;
