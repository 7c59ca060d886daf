BEGIN;
--
-- Add field tax_code to line
--
ALTER TABLE "basket_line" DROP COLUMN "tax_code" CASCADE;
COMMIT;
