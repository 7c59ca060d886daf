BEGIN;
--
-- Creates extension plpgsql
--
DROP EXTENSION IF EXISTS "plpgsql";
--
-- Creates extension pg_trgm
--
DROP EXTENSION IF EXISTS "pg_trgm";
--
-- Alter field note on run
--
-- (no-op)
--
-- Add field score to run
--
ALTER TABLE "features_run" DROP COLUMN "score" CASCADE;
--
-- Add field note to run
--
ALTER TABLE "features_run" DROP COLUMN "note" CASCADE;
--
-- Add field flag to run
--
ALTER TABLE "features_run" DROP COLUMN "flag" CASCADE;
--
-- Create index run_kind_idx on field(s) kind of model run
--
DROP INDEX IF EXISTS "run_kind_idx";
COMMIT;
