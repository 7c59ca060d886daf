--
-- Create index base_content_object_idx on field(s) base_content_type, object_id of model revision
--
DROP INDEX IF EXISTS "base_content_object_idx";
--
-- Create index content_object_idx on field(s) content_type, object_id of model revision
--
DROP INDEX IF EXISTS "content_object_idx";
--
-- Add field base_content_type to revision
--
SET CONSTRAINTS "wagtailcore_revision_base_content_type_id_5b4ef7bd_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_revision" DROP CONSTRAINT "wagtailcore_revision_base_content_type_id_5b4ef7bd_fk_django_co";
ALTER TABLE "wagtailcore_revision" DROP COLUMN "base_content_type_id" CASCADE;
--
-- Add field content_type to revision
--
SET CONSTRAINTS "wagtailcore_revision_content_type_id_c8cb69c0_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_revision" DROP CONSTRAINT "wagtailcore_revision_content_type_id_c8cb69c0_fk_django_co";
ALTER TABLE "wagtailcore_revision" DROP COLUMN "content_type_id" CASCADE;
--
-- Rename field page on revision to object_id
--
ALTER TABLE "wagtailcore_revision" RENAME COLUMN "object_id" TO "page";
--
-- Alter field page on revision
--
ALTER TABLE "wagtailcore_revision" RENAME COLUMN "page" TO "page_id";
ALTER TABLE "wagtailcore_revision" ALTER COLUMN "page_id" TYPE integer USING "page_id"::integer;
CREATE INDEX "wagtailcore_revision_page_id_fe4c1367" ON "wagtailcore_revision" ("page_id");
ALTER TABLE "wagtailcore_revision" ADD CONSTRAINT "wagtailcore_revision_page_id_fe4c1367_fk_wagtailcore_page_id" FOREIGN KEY ("page_id") REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Change Meta options on revision
--
-- (no-op)
--
-- Rename model PageRevision to Revision
--
ALTER TABLE "wagtailcore_revision" RENAME TO "wagtailcore_pagerevision";
SET CONSTRAINTS "wagtailcore_taskstat_page_revision_id_9f52c88e_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_taskstate" DROP CONSTRAINT "wagtailcore_taskstat_page_revision_id_9f52c88e_fk_wagtailco";
ALTER TABLE "wagtailcore_taskstate" ADD CONSTRAINT "wagtailcore_taskstat_page_revision_id_9f52c88e_fk_wagtailco" FOREIGN KEY ("page_revision_id") REFERENCES "wagtailcore_pagerevision" ("id") DEFERRABLE INITIALLY DEFERRED;
SET CONSTRAINTS "wagtailcore_comment_revision_created_id_1d058279_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_comment" DROP CONSTRAINT "wagtailcore_comment_revision_created_id_1d058279_fk_wagtailco";
ALTER TABLE "wagtailcore_comment" ADD CONSTRAINT "wagtailcore_comment_revision_created_id_1d058279_fk_wagtailco" FOREIGN KEY ("revision_created_id") REFERENCES "wagtailcore_pagerevision" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
