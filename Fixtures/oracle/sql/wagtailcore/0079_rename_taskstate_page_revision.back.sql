BEGIN;
--
-- Rename field page_revision on taskstate to revision
--
SET CONSTRAINTS "wagtailcore_taskstat_revision_id_df25a499_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailcore_taskstate" DROP CONSTRAINT "wagtailcore_taskstat_revision_id_df25a499_fk_wagtailco";
ALTER TABLE "wagtailcore_taskstate" RENAME COLUMN "revision_id" TO "page_revision_id";
ALTER TABLE "wagtailcore_taskstate" ADD CONSTRAINT "wagtailcore_taskstat_page_revision_id_9f52c88e_fk_wagtailco" FOREIGN KEY ("page_revision_id") REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
