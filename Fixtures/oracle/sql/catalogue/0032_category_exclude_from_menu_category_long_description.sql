BEGIN;
--
-- Add field exclude_from_menu to category
--
ALTER TABLE "catalogue_category" ADD COLUMN "exclude_from_menu" boolean DEFAULT false NOT NULL;
ALTER TABLE "catalogue_category" ALTER COLUMN "exclude_from_menu" DROP DEFAULT;
--
-- Add field long_description to category
--
ALTER TABLE "catalogue_category" ADD COLUMN "long_description" text DEFAULT '' NOT NULL;
ALTER TABLE "catalogue_category" ALTER COLUMN "long_description" DROP DEFAULT;
CREATE INDEX "catalogue_category_exclude_from_menu_898e8583" ON "catalogue_category" ("exclude_from_menu");
COMMIT;
