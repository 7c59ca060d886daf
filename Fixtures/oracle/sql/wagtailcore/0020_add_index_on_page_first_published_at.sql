BEGIN;
--
-- Alter field first_published_at on page
--
CREATE INDEX "wagtailcore_page_first_published_at_2b5dd637" ON "wagtailcore_page" ("first_published_at");
COMMIT;
