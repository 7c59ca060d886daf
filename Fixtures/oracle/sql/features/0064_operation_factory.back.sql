BEGIN;
--
-- Add field rows to venue
--
ALTER TABLE "features_venue" DROP COLUMN "rows" CASCADE;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field capacity to venue
--
ALTER TABLE "features_venue" DROP COLUMN "capacity" CASCADE;
COMMIT;
