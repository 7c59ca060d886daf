BEGIN;
--
-- Add field tax_code to line
--
ALTER TABLE "order_line" ADD COLUMN "tax_code" varchar(64) NULL;
--
-- Add field tax_code to lineprice
--
ALTER TABLE "order_lineprice" ADD COLUMN "tax_code" varchar(64) NULL;
--
-- Add field shipping_tax_code to order
--
ALTER TABLE "order_order" ADD COLUMN "shipping_tax_code" varchar(64) NULL;
--
-- Add field tax_code to surcharge
--
ALTER TABLE "order_surcharge" ADD COLUMN "tax_code" varchar(64) NULL;
COMMIT;
