BEGIN;
--
-- Create model UploadedFile
--
DROP TABLE "wagtailcore_uploadedfile" CASCADE;
COMMIT;
