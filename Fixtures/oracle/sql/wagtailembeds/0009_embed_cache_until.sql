BEGIN;
--
-- Add field cache_until to embed
--
ALTER TABLE "wagtailembeds_embed" ADD COLUMN "cache_until" timestamp with time zone NULL;
CREATE INDEX "wagtailembeds_embed_cache_until_26c94bb0" ON "wagtailembeds_embed" ("cache_until");
COMMIT;
