BEGIN;
--
-- Add field language_code to playlist
--
ALTER TABLE "features_playlist" ADD COLUMN "language_code" varchar(16) DEFAULT 'en' NOT NULL;
ALTER TABLE "features_playlist" ALTER COLUMN "language_code" DROP DEFAULT;
COMMIT;
