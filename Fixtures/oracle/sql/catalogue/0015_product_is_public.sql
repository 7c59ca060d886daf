BEGIN;
--
-- Add field is_public to product
--
ALTER TABLE "catalogue_product" ADD COLUMN "is_public" boolean DEFAULT true NOT NULL;
ALTER TABLE "catalogue_product" ALTER COLUMN "is_public" DROP DEFAULT;
COMMIT;
