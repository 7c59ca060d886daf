BEGIN;
--
-- Alter field query on searchpromotion
--
SET CONSTRAINTS "wagtailsearchpromoti_query_id_fbce4eaa_fk_wagtailse" IMMEDIATE; ALTER TABLE "wagtailsearchpromotions_searchpromotion" DROP CONSTRAINT "wagtailsearchpromoti_query_id_fbce4eaa_fk_wagtailse";
ALTER TABLE "wagtailsearchpromotions_searchpromotion" ADD CONSTRAINT "wagtailsearchpromoti_query_id_fbce4eaa_fk_wagtailco" FOREIGN KEY ("query_id") REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
