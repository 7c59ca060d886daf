BEGIN;
--
-- Add field attributes to book
--
ALTER TABLE "features_book" ADD COLUMN "attributes" hstore NULL;
--
-- Add field keywords to book
--
ALTER TABLE "features_book" ADD COLUMN "keywords" varchar(30)[10] DEFAULT '{}' NOT NULL;
ALTER TABLE "features_book" ALTER COLUMN "keywords" DROP DEFAULT;
--
-- Add field scores to book
--
ALTER TABLE "features_book" ADD COLUMN "scores" integer[3][3] NULL;
--
-- Add field title_lower to book
--
ALTER TABLE "features_book" ADD COLUMN "title_lower" varchar(200) GENERATED ALWAYS AS (LOWER("title")) STORED;
--
-- Add field total to book
--
ALTER TABLE "features_book" ADD COLUMN "total" numeric(12, 2) GENERATED ALWAYS AS (("price" * "quantity")) STORED;
COMMIT;
