--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Rename model PageRevision to Revision
--
ALTER TABLE "wagtailcore_pagerevision" RENAME TO "wagtailcore_revision";
SET CONSTRAINTS "wagtailcore_taskstat_page_revision_id_9f52c88e_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_taskstate" DROP CONSTRAINT "wagtailcore_taskstat_page_revision_id_9f52c88e_fk_wagtailco";
ALTER TABLE "wagtailcore_taskstate" ADD CONSTRAINT "wagtailcore_taskstat_page_revision_id_9f52c88e_fk_wagtailco" FOREIGN KEY ("page_revision_id") REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED;
SET CONSTRAINTS "wagtailcore_comment_revision_created_id_1d058279_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_comment" DROP CONSTRAINT "wagtailcore_comment_revision_created_id_1d058279_fk_wagtailco";
ALTER TABLE "wagtailcore_comment" ADD CONSTRAINT "wagtailcore_comment_revision_created_id_1d058279_fk_wagtailco" FOREIGN KEY ("revision_created_id") REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Change Meta options on revision
--
-- (no-op)
--
-- Alter field page on revision
--
ALTER TABLE "wagtailcore_revision" RENAME COLUMN "page_id" TO "page";
ALTER TABLE "wagtailcore_revision" ALTER COLUMN "page" TYPE varchar(255) USING "page"::varchar(255);
--
-- Rename field page on revision to object_id
--
ALTER TABLE "wagtailcore_revision" RENAME COLUMN "page" TO "object_id";
--
-- Add field content_type to revision
--
ALTER TABLE "wagtailcore_revision" ADD COLUMN "content_type_id" integer NULL CONSTRAINT "wagtailcore_revision_content_type_id_c8cb69c0_fk_django_co" REFERENCES "django_content_type"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_revision_content_type_id_c8cb69c0_fk_django_co" IMMEDIATE;
--
-- Add field base_content_type to revision
--
ALTER TABLE "wagtailcore_revision" ADD COLUMN "base_content_type_id" integer NULL CONSTRAINT "wagtailcore_revision_base_content_type_id_5b4ef7bd_fk_django_co" REFERENCES "django_content_type"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_revision_base_content_type_id_5b4ef7bd_fk_django_co" IMMEDIATE;
--
-- Create index content_object_idx on field(s) content_type, object_id of model revision
--
CREATE INDEX "content_object_idx" ON "wagtailcore_revision" ("content_type_id", "object_id");
--
-- Create index base_content_object_idx on field(s) base_content_type, object_id of model revision
--
CREATE INDEX "base_content_object_idx" ON "wagtailcore_revision" ("base_content_type_id", "object_id");
CREATE INDEX "wagtailcore_revision_content_type_id_c8cb69c0" ON "wagtailcore_revision" ("content_type_id");
CREATE INDEX "wagtailcore_revision_base_content_type_id_5b4ef7bd" ON "wagtailcore_revision" ("base_content_type_id");
