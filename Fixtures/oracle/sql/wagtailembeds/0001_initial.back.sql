BEGIN;
--
-- Alter unique_together for embed (1 constraint(s))
--
ALTER TABLE "wagtailembeds_embed" DROP CONSTRAINT "wagtailembeds_embed_url_max_width_8a2922d8_uniq";
--
-- Create model Embed
--
DROP TABLE "wagtailembeds_embed" CASCADE;
COMMIT;
