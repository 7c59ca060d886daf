BEGIN;
--
-- Add field code to billingaddress
--
ALTER TABLE "order_billingaddress" ADD COLUMN "code" varchar(255) NULL UNIQUE;
--
-- Add field code to shippingaddress
--
ALTER TABLE "order_shippingaddress" ADD COLUMN "code" varchar(255) NULL UNIQUE;
CREATE INDEX "order_billingaddress_code_e240f533_like" ON "order_billingaddress" ("code" varchar_pattern_ops);
CREATE INDEX "order_shippingaddress_code_a3af64e4_like" ON "order_shippingaddress" ("code" varchar_pattern_ops);
COMMIT;
