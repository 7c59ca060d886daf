BEGIN;
--
-- Alter field file_size on document
--
ALTER TABLE "wagtaildocs_document" ALTER COLUMN "file_size" TYPE bigint USING "file_size"::bigint;
COMMIT;
