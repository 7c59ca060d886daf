BEGIN;
--
-- Add field collection to document
--
SET CONSTRAINTS "wagtaildocs_document_collection_id_23881625_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtaildocs_document" DROP CONSTRAINT "wagtaildocs_document_collection_id_23881625_fk_wagtailco";
ALTER TABLE "wagtaildocs_document" DROP COLUMN "collection_id" CASCADE;
COMMIT;
