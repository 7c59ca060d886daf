BEGIN;
--
-- Create model Locale
--
DROP TABLE "wagtailcore_locale" CASCADE;
COMMIT;
