BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Remove field languages from page
--
ALTER TABLE "cms_page" DROP COLUMN "languages" CASCADE;
--
-- Alter unique_together for pageurl (1 constraint(s))
--
ALTER TABLE "cms_pageurl" ADD CONSTRAINT "cms_pageurl_language_page_id_fa1b2a8c_uniq" UNIQUE ("language", "page_id");
COMMIT;
