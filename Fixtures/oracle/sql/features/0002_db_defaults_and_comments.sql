BEGIN;
--
-- Alter publisher table comment
--
COMMENT ON TABLE "features_publisher" IS 'Companies that publish books';
--
-- Add field in_print to book
--
ALTER TABLE "features_book" ADD COLUMN "in_print" boolean DEFAULT true NOT NULL;
--
-- Add field notes to book
--
ALTER TABLE "features_book" ADD COLUMN "notes" text DEFAULT '' NOT NULL;
COMMENT ON COLUMN "features_book"."notes" IS 'Editor''s notes, never shown to readers';
--
-- Add field public_id to book
--
ALTER TABLE "features_book" ADD COLUMN "public_id" uuid DEFAULT (GEN_RANDOM_UUID()) NOT NULL UNIQUE;
--
-- Add field rating to book
--
ALTER TABLE "features_book" ADD COLUMN "rating" smallint DEFAULT 0 NOT NULL;
--
-- Add field created_at to publisher
--
ALTER TABLE "features_publisher" ADD COLUMN "created_at" timestamp with time zone DEFAULT (STATEMENT_TIMESTAMP()) NOT NULL;
--
-- Alter field name on author
--
ALTER TABLE "features_author" ALTER COLUMN "name" TYPE varchar(100);
COMMENT ON COLUMN "features_author"."name" IS 'Full name as printed on covers';
--
-- Alter field country on publisher
--
ALTER TABLE "features_publisher" ALTER COLUMN "country" SET DEFAULT 'FR';
COMMIT;
