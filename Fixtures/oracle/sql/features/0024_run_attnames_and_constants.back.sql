BEGIN;
--
-- Create index run_series_n_idx on field(s) series_id, -n of model run
--
DROP INDEX IF EXISTS "run_series_n_idx";
--
-- Create constraint run_series_code_uniq on model run
--
ALTER TABLE "features_run" DROP CONSTRAINT "run_series_code_uniq";
--
-- Add field meta to run
--
ALTER TABLE "features_run" DROP COLUMN "meta" CASCADE;
--
-- Add field tags to run
--
ALTER TABLE "features_run" DROP COLUMN "tags" CASCADE;
--
-- Add field code to run
--
ALTER TABLE "features_run" DROP COLUMN "code" CASCADE;
--
-- Create model Run
--
DROP TABLE "features_run" CASCADE;
COMMIT;
