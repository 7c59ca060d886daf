BEGIN;
--
-- Alter field form_data on formsubmission
--
ALTER TABLE "wagtailforms_formsubmission" ALTER COLUMN "form_data" TYPE text USING "form_data"::text;
COMMIT;
