BEGIN;
--
-- Raw SQL operation
--
DROP INDEX IF EXISTS modelsearch_body_text_unaccent_trgm;
--
-- Raw SQL operation
--
DROP INDEX IF EXISTS modelsearch_title_text_unaccent_trgm;
--
-- Raw SQL operation
--
DROP INDEX IF EXISTS modelsearch_body_text_trgm;
--
-- Raw SQL operation
--
DROP INDEX IF EXISTS modelsearch_title_text_trgm;
--
-- Add field body_text to indexentry
--
ALTER TABLE "modelsearch_indexentry" DROP COLUMN "body_text" CASCADE;
--
-- Add field title_text to indexentry
--
ALTER TABLE "modelsearch_indexentry" DROP COLUMN "title_text" CASCADE;
COMMIT;
