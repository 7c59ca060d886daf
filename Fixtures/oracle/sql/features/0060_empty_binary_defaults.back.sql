BEGIN;
--
-- Alter field maybe_blob on mixtape
--
ALTER TABLE "features_mixtape" ALTER COLUMN "maybe_blob" DROP NOT NULL;
--
-- Add field maybe_blob to mixtape
--
ALTER TABLE "features_mixtape" DROP COLUMN "maybe_blob" CASCADE;
--
-- Add field blank_blob to mixtape
--
ALTER TABLE "features_mixtape" DROP COLUMN "blank_blob" CASCADE;
--
-- Add field empty_blob to mixtape
--
ALTER TABLE "features_mixtape" DROP COLUMN "empty_blob" CASCADE;
COMMIT;
