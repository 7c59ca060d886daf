BEGIN;
--
-- Add field total to book
--
ALTER TABLE "features_book" DROP COLUMN "total" CASCADE;
--
-- Add field title_lower to book
--
ALTER TABLE "features_book" DROP COLUMN "title_lower" CASCADE;
--
-- Add field scores to book
--
ALTER TABLE "features_book" DROP COLUMN "scores" CASCADE;
--
-- Add field keywords to book
--
ALTER TABLE "features_book" DROP COLUMN "keywords" CASCADE;
--
-- Add field attributes to book
--
ALTER TABLE "features_book" DROP COLUMN "attributes" CASCADE;
COMMIT;
