BEGIN;
--
-- Validate constraint book_pages_positive on model book
--
ALTER TABLE "features_book" VALIDATE CONSTRAINT "book_pages_positive";
COMMIT;
