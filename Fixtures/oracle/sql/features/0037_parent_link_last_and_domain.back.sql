BEGIN;
--
-- Alter field home on crew
--
ALTER TABLE "features_crew" ALTER COLUMN "home" TYPE text;
--
-- Add field home to crew
--
ALTER TABLE "features_crew" DROP COLUMN "home" CASCADE;
--
-- Create model NightShift
--
DROP TABLE "features_nightshift" CASCADE;
--
-- Raw SQL operation
--
DROP DOMAIN relative_path;
COMMIT;
