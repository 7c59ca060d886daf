BEGIN;
--
-- Alter field file_hash on image
--
DROP INDEX IF EXISTS "wagtailimages_image_file_hash_fb5bbb23";
DROP INDEX IF EXISTS "wagtailimages_image_file_hash_fb5bbb23_like";
COMMIT;
