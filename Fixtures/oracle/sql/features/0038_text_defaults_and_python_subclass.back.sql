BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field tags to crew
--
ALTER TABLE "features_crew" DROP COLUMN "tags" CASCADE;
--
-- Add field settings to crew
--
ALTER TABLE "features_crew" DROP COLUMN "settings" CASCADE;
COMMIT;
