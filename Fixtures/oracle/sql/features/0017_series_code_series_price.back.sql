BEGIN;
--
-- Add field price to series
--
ALTER TABLE "features_series" DROP COLUMN "price" CASCADE;
--
-- Add field code to series
--
ALTER TABLE "features_series" DROP COLUMN "code" CASCADE;
COMMIT;
