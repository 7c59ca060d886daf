BEGIN;
--
-- Add field code to productimage
--
ALTER TABLE "catalogue_productimage" DROP COLUMN "code" CASCADE;
--
-- Add field code to category
--
ALTER TABLE "catalogue_category" DROP COLUMN "code" CASCADE;
--
-- Add field code to attributeoptiongroup
--
ALTER TABLE "catalogue_attributeoptiongroup" DROP COLUMN "code" CASCADE;
--
-- Add field code to attributeoption
--
ALTER TABLE "catalogue_attributeoption" DROP COLUMN "code" CASCADE;
COMMIT;
