BEGIN;
--
-- Add field owner to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "owner_id" bigint NULL CONSTRAINT "features_playlist_owner_id_80e0591e_fk_features_labels_id" REFERENCES "features_labels"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "features_playlist_owner_id_80e0591e_fk_features_labels_id" IMMEDIATE;
CREATE INDEX "features_playlist_owner_id_80e0591e" ON "features_playlist" ("owner_id");
COMMIT;
