BEGIN;
--
-- Rename model Playlist to Mixtape
--
ALTER TABLE "features_playlist" RENAME TO "features_mixtape";
ALTER TABLE "features_playlist_labels" RENAME TO "features_mixtape_labels";
ALTER TABLE "features_mixtape_labels" RENAME COLUMN "playlist_id" TO "mixtape_id";
ALTER TABLE "features_playlist_crew" RENAME TO "features_mixtape_crew";
ALTER TABLE "features_mixtape_crew" RENAME COLUMN "playlist_id" TO "mixtape_id";
ALTER TABLE "features_playlist_plain" RENAME TO "features_mixtape_plain";
ALTER TABLE "features_mixtape_plain" RENAME COLUMN "playlist_id" TO "mixtape_id";
ALTER TABLE "features_playlist_favourites" RENAME TO "features_mixtape_favourites";
ALTER TABLE "features_mixtape_favourites" RENAME COLUMN "playlist_id" TO "mixtape_id";
COMMIT;
