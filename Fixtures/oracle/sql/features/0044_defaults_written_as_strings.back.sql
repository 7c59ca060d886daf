BEGIN;
--
-- Add field badge to crew
--
ALTER TABLE "features_crew" DROP COLUMN "badge" CASCADE;
--
-- Add field shift to crew
--
ALTER TABLE "features_crew" DROP COLUMN "shift" CASCADE;
--
-- Add field birthday to crew
--
ALTER TABLE "features_crew" DROP COLUMN "birthday" CASCADE;
--
-- Add field reviewed to crew
--
ALTER TABLE "features_crew" DROP COLUMN "reviewed" CASCADE;
--
-- Add field discharged to crew
--
ALTER TABLE "features_crew" DROP COLUMN "discharged" CASCADE;
--
-- Add field enlisted to crew
--
ALTER TABLE "features_crew" DROP COLUMN "enlisted" CASCADE;
COMMIT;
