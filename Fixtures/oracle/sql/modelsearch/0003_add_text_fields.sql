BEGIN;
--
-- Add field title_text to indexentry
--
ALTER TABLE "modelsearch_indexentry" ADD COLUMN "title_text" text DEFAULT '' NOT NULL;
ALTER TABLE "modelsearch_indexentry" ALTER COLUMN "title_text" DROP DEFAULT;
--
-- Add field body_text to indexentry
--
ALTER TABLE "modelsearch_indexentry" ADD COLUMN "body_text" text DEFAULT '' NOT NULL;
ALTER TABLE "modelsearch_indexentry" ALTER COLUMN "body_text" DROP DEFAULT;
--
-- Raw SQL operation
--
-- (no-op)
--
-- Raw SQL operation
--
-- (no-op)
--
-- Raw SQL operation
--
-- (no-op)
--
-- Raw SQL operation
--
-- (no-op)
COMMIT;
