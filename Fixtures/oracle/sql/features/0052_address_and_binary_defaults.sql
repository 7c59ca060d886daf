BEGIN;
--
-- Add field ip_addr to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "ip_addr" inet DEFAULT '0.0.0.0'::inet NOT NULL;
ALTER TABLE "features_playlist" ALTER COLUMN "ip_addr" DROP DEFAULT;
--
-- Add field ip6 to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "ip6" inet DEFAULT '2001:db8::1'::inet NULL;
ALTER TABLE "features_playlist" ALTER COLUMN "ip6" DROP DEFAULT;
--
-- Alter field ip6 on playlist
--
ALTER TABLE "features_playlist" ALTER COLUMN "ip6" SET DEFAULT '10.0.0.1'::inet;
UPDATE "features_playlist" SET "ip6" = '10.0.0.1'::inet WHERE "ip6" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "features_playlist" ALTER COLUMN "ip6" SET NOT NULL;
ALTER TABLE "features_playlist" ALTER COLUMN "ip6" DROP DEFAULT;
--
-- Add field blob to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "blob" bytea DEFAULT '\x616200ff'::bytea NOT NULL;
ALTER TABLE "features_playlist" ALTER COLUMN "blob" DROP DEFAULT;
CREATE INDEX "features_playlist_ip_addr_1373f1d7" ON "features_playlist" ("ip_addr");
COMMIT;
