BEGIN;
--
-- Alter field num_orders_as_shipping_address on useraddress
--
-- (no-op)
--
-- Alter field num_orders_as_billing_address on useraddress
--
-- (no-op)
--
-- Change Meta options on useraddress
--
-- (no-op)
COMMIT;
