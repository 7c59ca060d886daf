BEGIN;
--
-- Add field code to productreview
--
ALTER TABLE "reviews_productreview" DROP COLUMN "code" CASCADE;
COMMIT;
