BEGIN;
--
-- Add field title_id to placeholder
--
ALTER TABLE "cms_placeholder" DROP COLUMN "title_id" CASCADE;
--
-- Add field placeholders to title
--
DROP TABLE "cms_title_placeholders" CASCADE;
COMMIT;
