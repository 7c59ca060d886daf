BEGIN;
--
-- Add field priority to product
--
ALTER TABLE "catalogue_product" DROP COLUMN "priority" CASCADE;
COMMIT;
