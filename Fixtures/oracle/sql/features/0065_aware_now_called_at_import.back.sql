BEGIN;
--
-- Add field opened_at to venue
--
ALTER TABLE "features_venue" DROP COLUMN "opened_at" CASCADE;
COMMIT;
