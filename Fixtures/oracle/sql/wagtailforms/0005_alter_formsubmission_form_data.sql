BEGIN;
--
-- Alter field form_data on formsubmission
--
ALTER TABLE "wagtailforms_formsubmission" ALTER COLUMN "form_data" TYPE jsonb USING "form_data"::jsonb;
COMMIT;
