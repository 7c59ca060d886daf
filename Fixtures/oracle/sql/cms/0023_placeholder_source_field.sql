BEGIN;
--
-- Add field content_type to placeholder
--
ALTER TABLE "cms_placeholder" ADD COLUMN "content_type_id" integer NULL CONSTRAINT "cms_placeholder_content_type_id_a7659d9c_fk_django_co" REFERENCES "django_content_type"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "cms_placeholder_content_type_id_a7659d9c_fk_django_co" IMMEDIATE;
--
-- Add field object_id to placeholder
--
ALTER TABLE "cms_placeholder" ADD COLUMN "object_id" integer NULL CHECK ("object_id" >= 0);
CREATE INDEX "cms_placeholder_content_type_id_a7659d9c" ON "cms_placeholder" ("content_type_id");
COMMIT;
