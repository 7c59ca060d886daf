BEGIN;
--
-- Add field cache_until to embed
--
ALTER TABLE "wagtailembeds_embed" DROP COLUMN "cache_until" CASCADE;
COMMIT;
