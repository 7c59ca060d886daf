BEGIN;
--
-- Add field versions to crew
--
ALTER TABLE "features_crew" DROP COLUMN "versions" CASCADE;
--
-- Add field certificate to crew
--
ALTER TABLE "features_crew" DROP COLUMN "certificate" CASCADE;
COMMIT;
