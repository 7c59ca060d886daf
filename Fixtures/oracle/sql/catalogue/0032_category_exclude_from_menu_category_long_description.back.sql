BEGIN;
--
-- Add field long_description to category
--
ALTER TABLE "catalogue_category" DROP COLUMN "long_description" CASCADE;
--
-- Add field exclude_from_menu to category
--
ALTER TABLE "catalogue_category" DROP COLUMN "exclude_from_menu" CASCADE;
COMMIT;
