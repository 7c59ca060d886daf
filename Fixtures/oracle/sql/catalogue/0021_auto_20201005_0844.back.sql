BEGIN;
--
-- Add field meta_title to product
--
ALTER TABLE "catalogue_product" DROP COLUMN "meta_title" CASCADE;
--
-- Add field meta_description to product
--
ALTER TABLE "catalogue_product" DROP COLUMN "meta_description" CASCADE;
--
-- Add field meta_title to category
--
ALTER TABLE "catalogue_category" DROP COLUMN "meta_title" CASCADE;
--
-- Add field meta_description to category
--
ALTER TABLE "catalogue_category" DROP COLUMN "meta_description" CASCADE;
COMMIT;
