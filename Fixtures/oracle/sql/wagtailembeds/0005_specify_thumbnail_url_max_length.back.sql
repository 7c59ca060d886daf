BEGIN;
--
-- Alter field thumbnail_url on embed
--
ALTER TABLE "wagtailembeds_embed" ALTER COLUMN "thumbnail_url" TYPE varchar(200);
COMMIT;
