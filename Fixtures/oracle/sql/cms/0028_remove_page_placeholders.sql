BEGIN;
--
-- Remove field placeholders from page
--
DROP TABLE "cms_page_placeholders" CASCADE;
--
-- Remove field title_id from placeholder
--
ALTER TABLE "cms_placeholder" DROP COLUMN "title_id" CASCADE;
COMMIT;
