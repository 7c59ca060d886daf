BEGIN;
--
-- Create model UploadedDocument
--
DROP TABLE "wagtaildocs_uploadeddocument" CASCADE;
COMMIT;
