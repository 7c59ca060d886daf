BEGIN;
--
-- Add field language_code to playlist
--
ALTER TABLE "features_playlist" DROP COLUMN "language_code" CASCADE;
COMMIT;
