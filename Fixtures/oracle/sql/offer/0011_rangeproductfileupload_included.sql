BEGIN;
--
-- Add field upload_type to rangeproductfileupload
--
ALTER TABLE "offer_rangeproductfileupload" ADD COLUMN "upload_type" varchar(8) DEFAULT 'included' NOT NULL;
ALTER TABLE "offer_rangeproductfileupload" ALTER COLUMN "upload_type" DROP DEFAULT;
COMMIT;
