BEGIN;
--
-- Alter field file_hash on image
--
CREATE INDEX "wagtailimages_image_file_hash_fb5bbb23" ON "wagtailimages_image" ("file_hash");
CREATE INDEX "wagtailimages_image_file_hash_fb5bbb23_like" ON "wagtailimages_image" ("file_hash" varchar_pattern_ops);
COMMIT;
