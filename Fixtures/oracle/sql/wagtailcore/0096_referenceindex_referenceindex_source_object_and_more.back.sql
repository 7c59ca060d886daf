BEGIN;
--
-- Create index referenceindex_target_object on field(s) to_content_type, to_object_id of model referenceindex
--
DROP INDEX IF EXISTS "referenceindex_target_object";
--
-- Create index referenceindex_source_object on field(s) base_content_type, object_id of model referenceindex
--
DROP INDEX IF EXISTS "referenceindex_source_object";
COMMIT;
