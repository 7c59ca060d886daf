BEGIN;
--
-- Add field is_public to product
--
ALTER TABLE "catalogue_product" DROP COLUMN "is_public" CASCADE;
COMMIT;
