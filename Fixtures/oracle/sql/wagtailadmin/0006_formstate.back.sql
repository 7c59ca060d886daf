BEGIN;
--
-- Create model FormState
--
DROP TABLE "wagtailadmin_formstate" CASCADE;
COMMIT;
