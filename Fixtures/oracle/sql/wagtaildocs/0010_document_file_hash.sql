BEGIN;
--
-- Add field file_hash to document
--
ALTER TABLE "wagtaildocs_document" ADD COLUMN "file_hash" varchar(40) DEFAULT '' NOT NULL;
ALTER TABLE "wagtaildocs_document" ALTER COLUMN "file_hash" DROP DEFAULT;
COMMIT;
