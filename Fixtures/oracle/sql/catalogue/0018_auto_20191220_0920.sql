BEGIN;
--
-- Add field ancestors_are_public to category
--
ALTER TABLE "catalogue_category" ADD COLUMN "ancestors_are_public" boolean DEFAULT true NOT NULL;
ALTER TABLE "catalogue_category" ALTER COLUMN "ancestors_are_public" DROP DEFAULT;
--
-- Add field is_public to category
--
ALTER TABLE "catalogue_category" ADD COLUMN "is_public" boolean DEFAULT true NOT NULL;
ALTER TABLE "catalogue_category" ALTER COLUMN "is_public" DROP DEFAULT;
--
-- Alter field is_public on product
--
CREATE INDEX "catalogue_product_is_public_1cf798c5" ON "catalogue_product" ("is_public");
CREATE INDEX "catalogue_category_ancestors_are_public_d088d0db" ON "catalogue_category" ("ancestors_are_public");
CREATE INDEX "catalogue_category_is_public_ab0536be" ON "catalogue_category" ("is_public");
COMMIT;
