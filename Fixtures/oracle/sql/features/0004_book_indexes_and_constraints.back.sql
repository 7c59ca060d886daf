BEGIN;
--
-- Create constraint book_author_title_ci_uniq on model book
--
DROP INDEX IF EXISTS "book_author_title_ci_uniq";
--
-- Create constraint book_publisher_isbn_uniq on model book
--
ALTER TABLE "features_book" DROP CONSTRAINT "book_publisher_isbn_uniq";
--
-- Create index book_price_btree on field(s) price of model book
--
DROP INDEX IF EXISTS "book_price_btree";
--
-- Create index book_keywords_gin on field(s) keywords of model book
--
DROP INDEX IF EXISTS "book_keywords_gin";
--
-- Create index book_attributes_gin on field(s) attributes of model book
--
DROP INDEX IF EXISTS "book_attributes_gin";
--
-- Create index book_title_trgm_idx on field(s) title of model book
--
DROP INDEX IF EXISTS "book_title_trgm_idx";
--
-- Create index book_in_print_idx on field(s) published of model book
--
DROP INDEX IF EXISTS "book_in_print_idx";
--
-- Create index book_author_covering_idx on field(s) author of model book
--
DROP INDEX IF EXISTS "book_author_covering_idx";
--
-- Create index book_title_lower_idx on Lower(F(title)) on model book
--
DROP INDEX IF EXISTS "book_title_lower_idx";
--
-- Create index book_published_desc_idx on field(s) -published, title of model book
--
DROP INDEX IF EXISTS "book_published_desc_idx";
COMMIT;
