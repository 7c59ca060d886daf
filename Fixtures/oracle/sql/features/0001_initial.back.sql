BEGIN;
--
-- Create model Book
--
DROP TABLE "features_book_tags" CASCADE;
DROP TABLE "features_book" CASCADE;
--
-- Create model Tag
--
DROP TABLE "features_tag" CASCADE;
--
-- Create model Publisher
--
DROP TABLE "features_publisher" CASCADE;
--
-- Create model Author
--
DROP TABLE "features_author" CASCADE;
--
-- Create collation case_insensitive
--
DROP COLLATION "case_insensitive";
--
-- Creates extension pg_trgm
--
DROP EXTENSION IF EXISTS "pg_trgm";
--
-- Creates extension hstore
--
DROP EXTENSION IF EXISTS "hstore";
COMMIT;
