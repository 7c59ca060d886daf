BEGIN;
--
-- Add field note to series
--
ALTER TABLE "features_series" DROP COLUMN "note" CASCADE;
--
-- The Django migration linter will ignore this migration
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
COMMIT;
