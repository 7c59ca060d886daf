BEGIN;
--
-- Alter field translation_key on page
--
ALTER TABLE "wagtailcore_page" ALTER COLUMN "translation_key" DROP NOT NULL;
--
-- Alter field locale on page
--
SET CONSTRAINTS "wagtailcore_page_locale_id_3c7e30a6_fk_wagtailcore_locale_id" IMMEDIATE; ALTER TABLE "wagtailcore_page" DROP CONSTRAINT "wagtailcore_page_locale_id_3c7e30a6_fk_wagtailcore_locale_id";
ALTER TABLE "wagtailcore_page" ALTER COLUMN "locale_id" DROP NOT NULL;
ALTER TABLE "wagtailcore_page" ADD CONSTRAINT "wagtailcore_page_locale_id_3c7e30a6_fk_wagtailcore_locale_id" FOREIGN KEY ("locale_id") REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
