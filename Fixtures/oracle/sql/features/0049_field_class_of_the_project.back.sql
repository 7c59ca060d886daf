BEGIN;
--
-- Add field owner to playlist
--
SET CONSTRAINTS "features_playlist_owner_id_80e0591e_fk_features_labels_id" IMMEDIATE; ALTER TABLE "features_playlist" DROP CONSTRAINT "features_playlist_owner_id_80e0591e_fk_features_labels_id";
ALTER TABLE "features_playlist" DROP COLUMN "owner_id" CASCADE;
COMMIT;
