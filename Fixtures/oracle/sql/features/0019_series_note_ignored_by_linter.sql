BEGIN;
--
-- The Django migration linter will ignore this migration
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field note to series
--
ALTER TABLE "features_series" ADD COLUMN "note" text NULL;
COMMIT;
