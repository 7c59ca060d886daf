BEGIN;
--
-- Alter field base_content_type on revision
--
SET CONSTRAINTS "wagtailcore_revision_base_content_type_id_5b4ef7bd_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_revision" DROP CONSTRAINT "wagtailcore_revision_base_content_type_id_5b4ef7bd_fk_django_co";
ALTER TABLE "wagtailcore_revision" ALTER COLUMN "base_content_type_id" DROP NOT NULL;
ALTER TABLE "wagtailcore_revision" ADD CONSTRAINT "wagtailcore_revision_base_content_type_id_5b4ef7bd_fk_django_co" FOREIGN KEY ("base_content_type_id") REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field content_type on revision
--
SET CONSTRAINTS "wagtailcore_revision_content_type_id_c8cb69c0_fk_django_co" IMMEDIATE; ALTER TABLE "wagtailcore_revision" DROP CONSTRAINT "wagtailcore_revision_content_type_id_c8cb69c0_fk_django_co";
ALTER TABLE "wagtailcore_revision" ALTER COLUMN "content_type_id" DROP NOT NULL;
ALTER TABLE "wagtailcore_revision" ADD CONSTRAINT "wagtailcore_revision_content_type_id_c8cb69c0_fk_django_co" FOREIGN KEY ("content_type_id") REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
