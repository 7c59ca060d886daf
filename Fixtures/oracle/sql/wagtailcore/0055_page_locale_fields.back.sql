BEGIN;
--
-- Alter unique_together for page (1 constraint(s))
--
ALTER TABLE "wagtailcore_page" DROP CONSTRAINT "wagtailcore_page_translation_key_locale_id_9b041bad_uniq";
--
-- Add field locale to page
--
SET CONSTRAINTS "wagtailcore_page_locale_id_3c7e30a6_fk_wagtailcore_locale_id" IMMEDIATE; ALTER TABLE "wagtailcore_page" DROP CONSTRAINT "wagtailcore_page_locale_id_3c7e30a6_fk_wagtailcore_locale_id";
ALTER TABLE "wagtailcore_page" DROP COLUMN "locale_id" CASCADE;
--
-- Add field translation_key to page
--
ALTER TABLE "wagtailcore_page" DROP COLUMN "translation_key" CASCADE;
COMMIT;
