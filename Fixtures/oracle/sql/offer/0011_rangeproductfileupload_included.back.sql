BEGIN;
--
-- Add field upload_type to rangeproductfileupload
--
ALTER TABLE "offer_rangeproductfileupload" DROP COLUMN "upload_type" CASCADE;
COMMIT;
