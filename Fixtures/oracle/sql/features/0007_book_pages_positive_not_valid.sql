BEGIN;
--
-- Create not valid constraint book_pages_positive on model book
--
ALTER TABLE "features_book" ADD CONSTRAINT "book_pages_positive" CHECK ("pages" > 0) NOT VALID;
COMMIT;
