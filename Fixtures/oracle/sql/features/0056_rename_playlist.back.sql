BEGIN;
--
-- Rename model Playlist to Mixtape
--
ALTER TABLE "features_mixtape" RENAME TO "features_playlist";
ALTER TABLE "features_mixtape_labels" RENAME TO "features_playlist_labels";
ALTER TABLE "features_playlist_labels" RENAME COLUMN "mixtape_id" TO "playlist_id";
ALTER TABLE "features_mixtape_crew" RENAME TO "features_playlist_crew";
ALTER TABLE "features_playlist_crew" RENAME COLUMN "mixtape_id" TO "playlist_id";
ALTER TABLE "features_mixtape_plain" RENAME TO "features_playlist_plain";
ALTER TABLE "features_playlist_plain" RENAME COLUMN "mixtape_id" TO "playlist_id";
ALTER TABLE "features_mixtape_favourites" RENAME TO "features_playlist_favourites";
ALTER TABLE "features_playlist_favourites" RENAME COLUMN "mixtape_id" TO "playlist_id";
COMMIT;
