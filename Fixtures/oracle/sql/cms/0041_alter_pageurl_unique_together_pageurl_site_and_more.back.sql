BEGIN;
--
-- Create constraint unique_together_page_language on model pageurl
--
ALTER TABLE "cms_pageurl" DROP CONSTRAINT "unique_together_page_language";
--
-- Alter unique_together for pageurl (0 constraint(s))
--
ALTER TABLE "cms_pageurl" ADD CONSTRAINT "cms_pageurl_language_page_id_fa1b2a8c_uniq" UNIQUE ("language", "page_id");
COMMIT;
