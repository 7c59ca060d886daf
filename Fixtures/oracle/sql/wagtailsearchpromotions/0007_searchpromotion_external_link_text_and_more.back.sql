BEGIN;
--
-- Alter field page on searchpromotion
--
SET CONSTRAINTS "wagtailsearchpromoti_page_id_71920f17_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailsearchpromotions_searchpromotion" DROP CONSTRAINT "wagtailsearchpromoti_page_id_71920f17_fk_wagtailco";
ALTER TABLE "wagtailsearchpromotions_searchpromotion" ALTER COLUMN "page_id" SET NOT NULL;
ALTER TABLE "wagtailsearchpromotions_searchpromotion" ADD CONSTRAINT "wagtailsearchpromoti_page_id_71920f17_fk_wagtailco" FOREIGN KEY ("page_id") REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field description on searchpromotion
--
-- (no-op)
--
-- Add field external_link_url to searchpromotion
--
ALTER TABLE "wagtailsearchpromotions_searchpromotion" DROP COLUMN "external_link_url" CASCADE;
--
-- Add field external_link_text to searchpromotion
--
ALTER TABLE "wagtailsearchpromotions_searchpromotion" DROP COLUMN "external_link_text" CASCADE;
COMMIT;
