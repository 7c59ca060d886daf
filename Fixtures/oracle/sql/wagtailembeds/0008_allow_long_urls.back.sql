BEGIN;
--
-- Alter field thumbnail_url on embed
--
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "thumbnail_url" TYPE varchar(255) USING "thumbnail_url"::varchar(255);
--
-- Alter field thumbnail_url on embed
--
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "thumbnail_url" DROP NOT NULL;
--
-- Alter field url on embed
--
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "url" TYPE varchar(200) USING "url"::varchar(200);
--
-- Alter unique_together for embed (0 constraint(s))
--
ALTER TABLE "wagtailembeds_embed" ADD CONSTRAINT "wagtailembeds_embed_url_max_width_8a2922d8_uniq" UNIQUE ("url", "max_width");
--
-- Alter field hash on embed
--
ALTER TABLE "wagtailembeds_embed" DROP CONSTRAINT "wagtailembeds_embed_hash_c9bd8c9a_uniq";
DROP INDEX IF EXISTS "wagtailembeds_embed_hash_c9bd8c9a_like";
COMMIT;
