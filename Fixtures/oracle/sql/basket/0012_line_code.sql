BEGIN;
--
-- Add field tax_code to line
--
ALTER TABLE "basket_line" ADD COLUMN "tax_code" varchar(64) NULL;
COMMIT;
