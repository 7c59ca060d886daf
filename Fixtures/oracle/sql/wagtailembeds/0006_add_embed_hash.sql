BEGIN;
--
-- Add field hash to embed
--
ALTER TABLE "wagtailembeds_embed" ADD COLUMN "hash" varchar(32) DEFAULT '' NOT NULL;
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "hash" DROP DEFAULT;
COMMIT;
