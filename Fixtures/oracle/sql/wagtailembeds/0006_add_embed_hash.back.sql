BEGIN;
--
-- Add field hash to embed
--
ALTER TABLE "wagtailembeds_embed" DROP COLUMN "hash" CASCADE;
COMMIT;
