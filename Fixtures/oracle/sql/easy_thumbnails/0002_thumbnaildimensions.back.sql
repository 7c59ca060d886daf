BEGIN;
--
-- Create model ThumbnailDimensions
--
DROP TABLE "easy_thumbnails_thumbnaildimensions" CASCADE;
COMMIT;
