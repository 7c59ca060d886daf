BEGIN;
--
-- Alter field required on option
--
-- (no-op)
--
-- Alter field name on option
--
DROP INDEX IF EXISTS "catalogue_option_name_7b84926d";
DROP INDEX IF EXISTS "catalogue_option_name_7b84926d_like";
--
-- Change Meta options on option
--
-- (no-op)
COMMIT;
