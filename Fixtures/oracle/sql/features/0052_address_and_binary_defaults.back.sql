BEGIN;
--
-- Add field blob to playlist
--
ALTER TABLE "features_playlist" DROP COLUMN "blob" CASCADE;
--
-- Alter field ip6 on playlist
--
ALTER TABLE "features_playlist" ALTER COLUMN "ip6" DROP NOT NULL;
--
-- Add field ip6 to playlist
--
ALTER TABLE "features_playlist" DROP COLUMN "ip6" CASCADE;
--
-- Add field ip_addr to playlist
--
ALTER TABLE "features_playlist" DROP COLUMN "ip_addr" CASCADE;
COMMIT;
