BEGIN;
--
-- Add field alias_of to page
--
ALTER TABLE "wagtailcore_page" ADD COLUMN "alias_of_id" integer NULL CONSTRAINT "wagtailcore_page_alias_of_id_12945502_fk_wagtailcore_page_id" REFERENCES "wagtailcore_page"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "wagtailcore_page_alias_of_id_12945502_fk_wagtailcore_page_id" IMMEDIATE;
CREATE INDEX "wagtailcore_page_alias_of_id_12945502" ON "wagtailcore_page" ("alias_of_id");
COMMIT;
