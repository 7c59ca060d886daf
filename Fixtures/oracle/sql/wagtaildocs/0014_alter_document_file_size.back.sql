BEGIN;
--
-- Alter field file_size on document
--
ALTER TABLE "wagtaildocs_document" ALTER COLUMN "file_size" TYPE integer USING "file_size"::integer;
COMMIT;
