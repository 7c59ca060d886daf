BEGIN;
--
-- Alter field name on tag
--
ALTER TABLE "features_tag" ADD CONSTRAINT "features_tag_name_f47263b9_uniq" UNIQUE ("name");
CREATE INDEX "features_tag_name_f47263b9_like" ON "features_tag" ("name" varchar_pattern_ops);
--
-- Alter field id on tag
--
SET CONSTRAINTS "features_book_tags_tag_id_4b0ea288_fk" IMMEDIATE; ALTER TABLE "features_book_tags" DROP CONSTRAINT "features_book_tags_tag_id_4b0ea288_fk";
ALTER TABLE "features_tag" ALTER COLUMN "id" TYPE integer USING "id"::integer;
ALTER SEQUENCE IF EXISTS "features_tag_id_seq" AS integer;
ALTER TABLE "features_book_tags" ALTER COLUMN "tag_id" TYPE integer USING "tag_id"::integer;
ALTER TABLE "features_book_tags" ADD CONSTRAINT "features_book_tags_tag_id_4b0ea288_fk" FOREIGN KEY ("tag_id") REFERENCES "features_tag" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field name on publisher
--
ALTER TABLE "features_publisher" ALTER COLUMN "name" TYPE varchar(100);
--
-- Alter field country on publisher
--
ALTER TABLE "features_publisher" ALTER COLUMN "country" SET DEFAULT 'FR';
--
-- Alter field title on chapter
--
ALTER TABLE "features_chapter" ALTER COLUMN "title" TYPE varchar(200);
--
-- Alter field summary on book
--
DROP INDEX IF EXISTS "features_book_summary_f6318306_like";
ALTER TABLE "features_book" ALTER COLUMN "summary" TYPE varchar(500) USING "summary"::varchar(500);
CREATE INDEX "features_book_summary_f6318306_like" ON "features_book" ("summary" varchar_pattern_ops);
--
-- Alter field subtitle on book
--
ALTER TABLE "features_book" ALTER COLUMN "subtitle" DROP NOT NULL;
--
-- Alter field published on book
--
DROP INDEX IF EXISTS "features_book_published_1c1a09ae";
--
-- Alter field pages on book
--
ALTER TABLE "features_book" ALTER COLUMN "pages" TYPE integer USING "pages"::integer;
--
-- Alter field isbn on book
--
ALTER TABLE "features_book" DROP CONSTRAINT "features_book_isbn_0463aa7c_uniq";
DROP INDEX IF EXISTS "features_book_isbn_0463aa7c_like";
--
-- Alter field slug on author
--
ALTER TABLE "features_author" ALTER COLUMN "slug" TYPE varchar(50) COLLATE "C";
--
-- Alter field born on author
--
CREATE INDEX "features_author_born_1899cc99" ON "features_author" ("born");
COMMIT;
