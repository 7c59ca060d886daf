BEGIN;
--
-- Add field code to product
--
ALTER TABLE "catalogue_product" DROP COLUMN "code" CASCADE;
COMMIT;
