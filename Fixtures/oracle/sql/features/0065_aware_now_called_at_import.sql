BEGIN;
--
-- Add field opened_at to venue
--
ALTER TABLE "features_venue" ADD COLUMN "opened_at" timestamp with time zone DEFAULT '<now>'::timestamptz NOT NULL;
ALTER TABLE "features_venue" ALTER COLUMN "opened_at" DROP DEFAULT;
COMMIT;
