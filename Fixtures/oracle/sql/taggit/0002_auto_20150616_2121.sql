BEGIN;
--
-- Create index taggit_tagg_content_8fc721_idx on field(s) content_type, object_id of model taggeditem
--
CREATE INDEX "taggit_tagg_content_8fc721_idx" ON "taggit_taggeditem" ("content_type_id", "object_id");
COMMIT;
