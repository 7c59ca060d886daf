--
-- Concurrently create index book_published_cover_idx on field(s) -published of model book
--
CREATE INDEX CONCURRENTLY "book_published_cover_idx" ON "features_book" ("published" DESC) INCLUDE ("title");
--
-- Concurrently create index book_isbn_idx on field(s) isbn of model book
--
CREATE INDEX CONCURRENTLY "book_isbn_idx" ON "features_book" ("isbn");
--
-- Concurrently remove index book_published_desc_idx from book
--
DROP INDEX CONCURRENTLY IF EXISTS "book_published_desc_idx";
