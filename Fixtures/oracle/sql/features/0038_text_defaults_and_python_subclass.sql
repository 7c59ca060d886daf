BEGIN;
--
-- Add field settings to crew
--
ALTER TABLE "features_crew" ADD COLUMN "settings" text DEFAULT '{}' NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "settings" DROP DEFAULT;
--
-- Add field tags to crew
--
ALTER TABLE "features_crew" ADD COLUMN "tags" varchar(100) DEFAULT '[]' NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "tags" DROP DEFAULT;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
COMMIT;
