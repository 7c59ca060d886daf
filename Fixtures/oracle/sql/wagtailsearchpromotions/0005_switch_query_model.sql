BEGIN;
--
-- Alter field query on searchpromotion
--
SET CONSTRAINTS "wagtailsearchpromoti_query_id_fbce4eaa_fk_wagtailco" IMMEDIATE; ALTER TABLE "wagtailsearchpromotions_searchpromotion" DROP CONSTRAINT "wagtailsearchpromoti_query_id_fbce4eaa_fk_wagtailco";
ALTER TABLE "wagtailsearchpromotions_searchpromotion" ADD CONSTRAINT "wagtailsearchpromoti_query_id_fbce4eaa_fk_wagtailse" FOREIGN KEY ("query_id") REFERENCES "wagtailsearchpromotions_query" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
