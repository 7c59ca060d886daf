BEGIN;
--
-- Alter field born on author
--
DROP INDEX IF EXISTS "features_author_born_1899cc99";
--
-- Alter field slug on author
--
ALTER TABLE "features_author" ALTER COLUMN "slug" TYPE varchar(40) COLLATE "C";
--
-- Alter field isbn on book
--
ALTER TABLE "features_book" ADD CONSTRAINT "features_book_isbn_0463aa7c_uniq" UNIQUE ("isbn");
CREATE INDEX "features_book_isbn_0463aa7c_like" ON "features_book" ("isbn" varchar_pattern_ops);
--
-- Alter field pages on book
--
ALTER TABLE "features_book" ALTER COLUMN "pages" TYPE bigint USING "pages"::bigint;
--
-- Alter field published on book
--
CREATE INDEX "features_book_published_1c1a09ae" ON "features_book" ("published");
--
-- Alter field subtitle on book
--
ALTER TABLE "features_book" ALTER COLUMN "subtitle" SET DEFAULT '';
UPDATE "features_book" SET "subtitle" = '' WHERE "subtitle" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "features_book" ALTER COLUMN "subtitle" SET NOT NULL;
ALTER TABLE "features_book" ALTER COLUMN "subtitle" DROP DEFAULT;
--
-- Alter field summary on book
--
DROP INDEX IF EXISTS "features_book_summary_f6318306_like";
ALTER TABLE "features_book" ALTER COLUMN "summary" TYPE text USING "summary"::text;
CREATE INDEX "features_book_summary_f6318306_like" ON "features_book" ("summary" text_pattern_ops);
--
-- Alter field title on chapter
--
ALTER TABLE "features_chapter" ALTER COLUMN "title" TYPE varchar(200) COLLATE "case_insensitive";
--
-- Alter field country on publisher
--
ALTER TABLE "features_publisher" ALTER COLUMN "country" SET DEFAULT 'GB';
--
-- Alter field name on publisher
--
ALTER TABLE "features_publisher" ALTER COLUMN "name" TYPE varchar(200);
--
-- Alter field id on tag
--
SET CONSTRAINTS "features_book_tags_tag_id_4b0ea288_fk_features_tag_id" IMMEDIATE; ALTER TABLE "features_book_tags" DROP CONSTRAINT "features_book_tags_tag_id_4b0ea288_fk_features_tag_id";
ALTER TABLE "features_tag" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
ALTER SEQUENCE IF EXISTS "features_tag_id_seq" AS bigint;
ALTER TABLE "features_book_tags" ALTER COLUMN "tag_id" TYPE bigint USING "tag_id"::bigint;
ALTER TABLE "features_book_tags" ADD CONSTRAINT "features_book_tags_tag_id_4b0ea288_fk" FOREIGN KEY ("tag_id") REFERENCES "features_tag" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field name on tag
--
ALTER TABLE "features_tag" DROP CONSTRAINT "features_tag_name_key";
DROP INDEX IF EXISTS "features_tag_name_f47263b9_like";
COMMIT;
