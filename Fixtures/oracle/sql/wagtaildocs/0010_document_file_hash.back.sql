BEGIN;
--
-- Add field file_hash to document
--
ALTER TABLE "wagtaildocs_document" DROP COLUMN "file_hash" CASCADE;
COMMIT;
