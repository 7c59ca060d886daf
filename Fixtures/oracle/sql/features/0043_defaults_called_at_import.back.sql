BEGIN;
--
-- Add field external_id to crew
--
ALTER TABLE "features_crew" DROP COLUMN "external_id" CASCADE;
--
-- Add field joined to crew
--
ALTER TABLE "features_crew" DROP COLUMN "joined" CASCADE;
COMMIT;
