BEGIN;
--
-- Add field preferences to crew
--
ALTER TABLE "features_crew" DROP COLUMN "preferences" CASCADE;
--
-- Add field page_size to crew
--
ALTER TABLE "features_crew" DROP COLUMN "page_size" CASCADE;
--
-- Add field status to crew
--
ALTER TABLE "features_crew" DROP COLUMN "status" CASCADE;
COMMIT;
