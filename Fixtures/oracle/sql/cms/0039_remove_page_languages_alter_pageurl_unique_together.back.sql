BEGIN;
--
-- Alter unique_together for pageurl (1 constraint(s))
--
ALTER TABLE "cms_pageurl" DROP CONSTRAINT "cms_pageurl_language_page_id_fa1b2a8c_uniq";
--
-- Remove field languages from page
--
ALTER TABLE "cms_page" ADD COLUMN "languages" varchar(255) NULL;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
COMMIT;
