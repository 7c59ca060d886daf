BEGIN;
--
-- Add field meta_description to category
--
ALTER TABLE "catalogue_category" ADD COLUMN "meta_description" text NULL;
--
-- Add field meta_title to category
--
ALTER TABLE "catalogue_category" ADD COLUMN "meta_title" varchar(255) NULL;
--
-- Add field meta_description to product
--
ALTER TABLE "catalogue_product" ADD COLUMN "meta_description" text NULL;
--
-- Add field meta_title to product
--
ALTER TABLE "catalogue_product" ADD COLUMN "meta_title" varchar(255) NULL;
COMMIT;
