BEGIN;
--
-- Add field tax_code to surcharge
--
ALTER TABLE "order_surcharge" DROP COLUMN "tax_code" CASCADE;
--
-- Add field shipping_tax_code to order
--
ALTER TABLE "order_order" DROP COLUMN "shipping_tax_code" CASCADE;
--
-- Add field tax_code to lineprice
--
ALTER TABLE "order_lineprice" DROP COLUMN "tax_code" CASCADE;
--
-- Add field tax_code to line
--
ALTER TABLE "order_line" DROP COLUMN "tax_code" CASCADE;
COMMIT;
