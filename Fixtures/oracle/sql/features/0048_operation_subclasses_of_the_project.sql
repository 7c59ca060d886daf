BEGIN;
--
-- Add field code to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "code" varchar(10) DEFAULT 'new' NOT NULL;
ALTER TABLE "features_playlist" ALTER COLUMN "code" DROP DEFAULT;
--
-- Add field rank to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "rank" integer NULL;
--
-- Alter field code on playlist
--
ALTER TABLE "features_playlist" ALTER COLUMN "code" TYPE varchar(20);
CREATE INDEX "features_playlist_rank_59cfda71" ON "features_playlist" ("rank");
COMMIT;
