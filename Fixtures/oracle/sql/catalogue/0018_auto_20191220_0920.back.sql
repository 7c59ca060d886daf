BEGIN;
--
-- Alter field is_public on product
--
DROP INDEX IF EXISTS "catalogue_product_is_public_1cf798c5";
--
-- Add field is_public to category
--
ALTER TABLE "catalogue_category" DROP COLUMN "is_public" CASCADE;
--
-- Add field ancestors_are_public to category
--
ALTER TABLE "catalogue_category" DROP COLUMN "ancestors_are_public" CASCADE;
COMMIT;
