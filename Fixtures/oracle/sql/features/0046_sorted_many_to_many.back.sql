BEGIN;
--
-- Alter field favourites on playlist
--
ALTER TABLE "features_playlist_favourites" DROP COLUMN "sort_value" CASCADE;
--
-- Add field favourites to playlist
--
DROP TABLE "features_playlist_favourites" CASCADE;
--
-- Add field plain to playlist
--
DROP TABLE "features_playlist_plain" CASCADE;
--
-- Add field crew to playlist
--
DROP TABLE "features_playlist_crew" CASCADE;
--
-- Create model Playlist
--
DROP TABLE "features_playlist_labels" CASCADE;
DROP TABLE "features_playlist" CASCADE;
COMMIT;
