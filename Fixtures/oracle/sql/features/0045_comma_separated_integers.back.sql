BEGIN;
--
-- Add field rgb_color to crew
--
ALTER TABLE "features_crew" DROP COLUMN "rgb_color" CASCADE;
COMMIT;
