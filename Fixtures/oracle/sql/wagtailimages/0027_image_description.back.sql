BEGIN;
--
-- Add field description to image
--
ALTER TABLE "wagtailimages_image" DROP COLUMN "description" CASCADE;
COMMIT;
