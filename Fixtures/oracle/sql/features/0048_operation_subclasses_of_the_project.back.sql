BEGIN;
--
-- Alter field code on playlist
--
ALTER TABLE "features_playlist" ALTER COLUMN "code" TYPE varchar(10);
--
-- Add field rank to playlist
--
ALTER TABLE "features_playlist" DROP COLUMN "rank" CASCADE;
--
-- Add field code to playlist
--
ALTER TABLE "features_playlist" DROP COLUMN "code" CASCADE;
COMMIT;
