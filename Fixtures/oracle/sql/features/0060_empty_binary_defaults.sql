BEGIN;
--
-- Add field empty_blob to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "empty_blob" bytea DEFAULT '\x'::bytea NOT NULL;
ALTER TABLE "features_mixtape" ALTER COLUMN "empty_blob" DROP DEFAULT;
--
-- Add field blank_blob to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "blank_blob" bytea DEFAULT '\x'::bytea NOT NULL;
ALTER TABLE "features_mixtape" ALTER COLUMN "blank_blob" DROP DEFAULT;
--
-- Add field maybe_blob to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "maybe_blob" bytea NULL;
--
-- Alter field maybe_blob on mixtape
--
ALTER TABLE "features_mixtape" ALTER COLUMN "maybe_blob" SET DEFAULT '\x'::bytea;
UPDATE "features_mixtape" SET "maybe_blob" = '\x'::bytea WHERE "maybe_blob" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "features_mixtape" ALTER COLUMN "maybe_blob" SET NOT NULL;
ALTER TABLE "features_mixtape" ALTER COLUMN "maybe_blob" DROP DEFAULT;
COMMIT;
