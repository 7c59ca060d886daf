BEGIN;
--
-- Alter field first_published_at on page
--
DROP INDEX IF EXISTS "wagtailcore_page_first_published_at_2b5dd637";
COMMIT;
