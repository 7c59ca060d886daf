BEGIN;
--
-- Add field capacity to venue
--
ALTER TABLE "features_venue" ADD COLUMN "capacity" integer NULL;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field rows to venue
--
ALTER TABLE "features_venue" ADD COLUMN "rows" integer NULL;
COMMIT;
