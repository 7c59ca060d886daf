BEGIN;
--
-- Add field code to crew
--
ALTER TABLE "features_crew" DROP COLUMN "code" CASCADE;
--
-- Alter field handle on crew
--
ALTER TABLE "features_crew" DROP CONSTRAINT "features_crew_handle_4a576e17_uniq";
ALTER TABLE "features_crew" ALTER COLUMN "handle" TYPE varchar(50) USING "handle"::varchar(50);
DROP INDEX IF EXISTS "features_crew_handle_4a576e17_like";
--
-- Add field handle to crew
--
ALTER TABLE "features_crew" DROP COLUMN "handle" CASCADE;
COMMIT;
