BEGIN;
--
-- Alter unique_together for indexentry (1 constraint(s))
--
ALTER TABLE "modelsearch_indexentry" DROP CONSTRAINT "modelsearch_indexentry_content_type_id_object_id_32bfbdb1_uniq";
--
-- Create model IndexEntry
--
DROP TABLE "modelsearch_indexentry" CASCADE;
COMMIT;
