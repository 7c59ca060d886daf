BEGIN;
--
-- Add field certificate to crew
--
ALTER TABLE "features_crew" ADD COLUMN "certificate" bytea NULL;
--
-- Add field versions to crew
--
ALTER TABLE "features_crew" ADD COLUMN "versions" hstore DEFAULT ''::hstore NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "versions" DROP DEFAULT;
COMMIT;
