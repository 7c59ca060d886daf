BEGIN;
--
-- Add field joined to crew
--
ALTER TABLE "features_crew" ADD COLUMN "joined" timestamp with time zone DEFAULT '<now>'::timestamptz NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "joined" DROP DEFAULT;
--
-- Add field external_id to crew
--
ALTER TABLE "features_crew" ADD COLUMN "external_id" uuid DEFAULT '<uuid4>'::uuid NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "external_id" DROP DEFAULT;
COMMIT;
