BEGIN;
--
-- Create index run_kind_idx on field(s) kind of model run
--
CREATE INDEX "run_kind_idx" ON "features_run" ("kind");
--
-- Add field flag to run
--
ALTER TABLE "features_run" ADD COLUMN "flag" boolean DEFAULT false NOT NULL;
ALTER TABLE "features_run" ALTER COLUMN "flag" DROP DEFAULT;
--
-- Add field note to run
--
ALTER TABLE "features_run" ADD COLUMN "note" text NULL;
--
-- Add field score to run
--
ALTER TABLE "features_run" ADD COLUMN "score" integer NULL;
--
-- Alter field note on run
--
-- (no-op)
--
-- Creates extension pg_trgm
--
-- (no-op)
--
-- Creates extension plpgsql
--
-- (no-op)
COMMIT;
