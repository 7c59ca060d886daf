BEGIN;
--
-- Alter unique_together for indexentry (1 constraint(s))
--
ALTER TABLE "wagtailsearch_indexentry" DROP CONSTRAINT "wagtailsearch_indexentry_content_type_id_object_i_bcd7ba73_uniq";
--
-- Create model IndexEntry
--
DROP TABLE "wagtailsearch_indexentry" CASCADE;
COMMIT;
