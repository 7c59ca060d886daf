BEGIN;
--
-- Add field code to series
--
ALTER TABLE "features_series" ADD COLUMN "code" varchar(12) DEFAULT 'none' NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "code" DROP DEFAULT;
--
-- Add field price to series
--
ALTER TABLE "features_series" ADD COLUMN "price" numeric(9, 2) NULL;
COMMIT;
