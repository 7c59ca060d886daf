BEGIN;
--
-- Validate constraint book_pages_positive on model book
--
-- (no-op)
COMMIT;
