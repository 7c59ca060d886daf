--
-- Concurrently remove index book_published_desc_idx from book
--
CREATE INDEX CONCURRENTLY "book_published_desc_idx" ON "features_book" ("published" DESC, "title");
--
-- Concurrently create index book_isbn_idx on field(s) isbn of model book
--
DROP INDEX CONCURRENTLY IF EXISTS "book_isbn_idx";
--
-- Concurrently create index book_published_cover_idx on field(s) -published of model book
--
DROP INDEX CONCURRENTLY IF EXISTS "book_published_cover_idx";
