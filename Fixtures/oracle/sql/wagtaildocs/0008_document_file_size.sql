BEGIN;
--
-- Add field file_size to document
--
ALTER TABLE "wagtaildocs_document" ADD COLUMN "file_size" integer NULL CHECK ("file_size" >= 0);
COMMIT;
