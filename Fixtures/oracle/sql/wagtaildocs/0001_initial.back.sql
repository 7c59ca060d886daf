BEGIN;
--
-- Create model Document
--
DROP TABLE "wagtaildocs_document" CASCADE;
COMMIT;
