BEGIN;
--
-- Create model UploadedImage
--
DROP TABLE "wagtailimages_uploadedimage" CASCADE;
COMMIT;
