BEGIN;
--
-- Create index run_code_partial_idx on field(s) code of model run
--
DROP INDEX IF EXISTS "run_code_partial_idx";
--
-- Create constraint run_combined_mixed on model run
--
ALTER TABLE "features_run" DROP CONSTRAINT "run_combined_mixed";
--
-- Create constraint run_combined_or on model run
--
ALTER TABLE "features_run" DROP CONSTRAINT "run_combined_or";
COMMIT;
