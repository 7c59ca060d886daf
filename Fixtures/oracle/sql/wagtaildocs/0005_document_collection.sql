BEGIN;
--
-- Add field collection to document
--
ALTER TABLE "wagtaildocs_document" ADD COLUMN "collection_id" integer DEFAULT 1 NOT NULL CONSTRAINT "wagtaildocs_document_collection_id_23881625_fk_wagtailco" REFERENCES "wagtailcore_collection"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtaildocs_document_collection_id_23881625_fk_wagtailco" IMMEDIATE;
ALTER TABLE "wagtaildocs_document" ALTER COLUMN "collection_id" DROP DEFAULT;
CREATE INDEX "wagtaildocs_document_collection_id_23881625" ON "wagtaildocs_document" ("collection_id");
COMMIT;
