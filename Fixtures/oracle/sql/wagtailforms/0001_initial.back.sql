BEGIN;
--
-- Create model FormSubmission
--
DROP TABLE "wagtailforms_formsubmission" CASCADE;
COMMIT;
