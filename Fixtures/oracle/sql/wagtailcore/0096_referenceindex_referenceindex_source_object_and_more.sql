BEGIN;
--
-- Create index referenceindex_source_object on field(s) base_content_type, object_id of model referenceindex
--
CREATE INDEX "referenceindex_source_object" ON "wagtailcore_referenceindex" ("base_content_type_id", "object_id");
--
-- Create index referenceindex_target_object on field(s) to_content_type, to_object_id of model referenceindex
--
CREATE INDEX "referenceindex_target_object" ON "wagtailcore_referenceindex" ("to_content_type_id", "to_object_id");
COMMIT;
