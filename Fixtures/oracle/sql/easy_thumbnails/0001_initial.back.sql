BEGIN;
--
-- Alter unique_together for source (1 constraint(s))
--
ALTER TABLE "easy_thumbnails_source" DROP CONSTRAINT "easy_thumbnails_source_storage_hash_name_481ce32d_uniq";
--
-- Alter unique_together for thumbnail (1 constraint(s))
--
ALTER TABLE "easy_thumbnails_thumbnail" DROP CONSTRAINT "easy_thumbnails_thumbnai_storage_hash_name_source_fb375270_uniq";
--
-- Create model Thumbnail
--
DROP TABLE "easy_thumbnails_thumbnail" CASCADE;
--
-- Create model Source
--
DROP TABLE "easy_thumbnails_source" CASCADE;
COMMIT;
