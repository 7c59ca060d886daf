BEGIN;
--
-- Add field file_size to document
--
ALTER TABLE "wagtaildocs_document" DROP COLUMN "file_size" CASCADE;
COMMIT;
