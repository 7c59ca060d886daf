BEGIN;
--
-- Create constraint taggit_taggeditem_content_type_id_object_id_tag_id_4bb97a8e_uniq on model taggeditem
--
ALTER TABLE "taggit_taggeditem" DROP CONSTRAINT "taggit_taggeditem_content_type_id_object_id_tag_id_4bb97a8e_uniq";
COMMIT;
