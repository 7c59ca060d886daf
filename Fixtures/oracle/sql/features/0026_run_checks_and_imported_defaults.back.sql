BEGIN;
--
-- Create index run_n_code_ordered_idx on OrderBy(F(n), descending=False), OrderBy(F(code), descending=True) on model run
--
DROP INDEX IF EXISTS "run_n_code_ordered_idx";
--
-- Create constraint run_n_in on model run
--
ALTER TABLE "features_run" DROP CONSTRAINT "run_n_in";
--
-- Create constraint run_tag_patterns on model run
--
ALTER TABLE "features_run" DROP CONSTRAINT "run_tag_patterns";
--
-- Create constraint run_code_patterns on model run
--
ALTER TABLE "features_run" DROP CONSTRAINT "run_code_patterns";
--
-- Create constraint run_n_range on model run
--
ALTER TABLE "features_run" DROP CONSTRAINT "run_n_range";
--
-- Add field body to run
--
ALTER TABLE "features_run" DROP COLUMN "body" CASCADE;
--
-- Add field kind to run
--
ALTER TABLE "features_run" DROP COLUMN "kind" CASCADE;
--
-- Add field tag to run
--
ALTER TABLE "features_run" DROP COLUMN "tag" CASCADE;
COMMIT;
