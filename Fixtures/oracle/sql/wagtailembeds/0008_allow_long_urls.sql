BEGIN;
--
-- Alter field hash on embed
--
ALTER TABLE "wagtailembeds_embed" ADD CONSTRAINT "wagtailembeds_embed_hash_c9bd8c9a_uniq" UNIQUE ("hash");
CREATE INDEX "wagtailembeds_embed_hash_c9bd8c9a_like" ON "wagtailembeds_embed" ("hash" varchar_pattern_ops);
--
-- Alter unique_together for embed (0 constraint(s))
--
ALTER TABLE "wagtailembeds_embed" DROP CONSTRAINT "wagtailembeds_embed_url_max_width_8a2922d8_uniq";
--
-- Alter field url on embed
--
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "url" TYPE text USING "url"::text;
--
-- Alter field thumbnail_url on embed
--
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "thumbnail_url" SET DEFAULT '';
UPDATE "wagtailembeds_embed" SET "thumbnail_url" = '' WHERE "thumbnail_url" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "thumbnail_url" SET NOT NULL;
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "thumbnail_url" DROP DEFAULT;
--
-- Alter field thumbnail_url on embed
--
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "thumbnail_url" TYPE text USING "thumbnail_url"::text;
COMMIT;
