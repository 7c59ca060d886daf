BEGIN;
--
-- Alter field country on publisher
--
ALTER TABLE "features_publisher" ALTER COLUMN "country" DROP DEFAULT;
--
-- Alter field name on author
--
ALTER TABLE "features_author" ALTER COLUMN "name" TYPE varchar(100);
COMMENT ON COLUMN "features_author"."name" IS '';
--
-- Add field created_at to publisher
--
ALTER TABLE "features_publisher" DROP COLUMN "created_at" CASCADE;
--
-- Add field rating to book
--
ALTER TABLE "features_book" DROP COLUMN "rating" CASCADE;
--
-- Add field public_id to book
--
ALTER TABLE "features_book" DROP COLUMN "public_id" CASCADE;
--
-- Add field notes to book
--
ALTER TABLE "features_book" DROP COLUMN "notes" CASCADE;
--
-- Add field in_print to book
--
ALTER TABLE "features_book" DROP COLUMN "in_print" CASCADE;
--
-- Alter publisher table comment
--
COMMENT ON TABLE "features_publisher" IS '';
COMMIT;
