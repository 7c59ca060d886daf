BEGIN;
--
-- Add field series to imprint
--
DROP TABLE "features_imprint_series" CASCADE;
--
-- Add field series to book
--
SET CONSTRAINTS "features_book_series_id_124d9cfe_fk_features_series_id" IMMEDIATE; ALTER TABLE "features_book" DROP CONSTRAINT "features_book_series_id_124d9cfe_fk_features_series_id";
ALTER TABLE "features_book" DROP COLUMN "series_id" CASCADE;
--
-- Add field main_series to author
--
SET CONSTRAINTS "features_author_main_series_id_c53ee9c8_fk_features_series_id" IMMEDIATE; ALTER TABLE "features_author" DROP CONSTRAINT "features_author_main_series_id_c53ee9c8_fk_features_series_id";
ALTER TABLE "features_author" DROP COLUMN "main_series_id" CASCADE;
--
-- Create model Series
--
DROP TABLE "features_series" CASCADE;
COMMIT;
