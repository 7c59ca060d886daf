BEGIN;
--
-- Add field description to image
--
ALTER TABLE "wagtailimages_image" ADD COLUMN "description" varchar(255) DEFAULT '' NOT NULL;
ALTER TABLE "wagtailimages_image" ALTER COLUMN "description" DROP DEFAULT;
COMMIT;
