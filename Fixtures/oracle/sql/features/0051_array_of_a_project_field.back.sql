BEGIN;
--
-- Add field paths to playlist
--
ALTER TABLE "features_playlist" DROP COLUMN "paths" CASCADE;
COMMIT;
