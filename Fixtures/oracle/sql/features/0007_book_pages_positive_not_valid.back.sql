BEGIN;
--
-- Create not valid constraint book_pages_positive on model book
--
ALTER TABLE "features_book" DROP CONSTRAINT "book_pages_positive";
COMMIT;
