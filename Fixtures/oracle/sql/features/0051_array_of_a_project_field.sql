BEGIN;
--
-- Add field paths to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "paths" relative_path[] NULL;
COMMIT;
