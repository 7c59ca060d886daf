BEGIN;
--
-- Add field d_zero to series
--
ALTER TABLE "features_series" ADD COLUMN "d_zero" numeric(6, 2) DEFAULT 0.00 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_zero" DROP DEFAULT;
--
-- Add field d_negative to series
--
ALTER TABLE "features_series" ADD COLUMN "d_negative" numeric(6, 2) DEFAULT  -1.50 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_negative" DROP DEFAULT;
--
-- Add field d_exponent to series
--
ALTER TABLE "features_series" ADD COLUMN "d_exponent" numeric(8, 0) DEFAULT 1E+3 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_exponent" DROP DEFAULT;
--
-- Add field d_small to series
--
ALTER TABLE "features_series" ADD COLUMN "d_small" numeric(10, 8) DEFAULT 1E-7 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_small" DROP DEFAULT;
--
-- Add field d_int to series
--
ALTER TABLE "features_series" ADD COLUMN "d_int" numeric(6, 2) DEFAULT 3 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_int" DROP DEFAULT;
--
-- Add field d_from_float to series
--
ALTER TABLE "features_series" ADD COLUMN "d_from_float" numeric(30, 28) DEFAULT 0.1000000000000000055511151231257827021181583404541015625 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_from_float" DROP DEFAULT;
--
-- Add field d_string to series
--
ALTER TABLE "features_series" ADD COLUMN "d_string" numeric(6, 2) DEFAULT 25.50 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_string" DROP DEFAULT;
--
-- Add field d_float to series
--
ALTER TABLE "features_series" ADD COLUMN "d_float" numeric(5, 4) DEFAULT 0.10000 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_float" DROP DEFAULT;
--
-- Add field d_float_rounded to series
--
ALTER TABLE "features_series" ADD COLUMN "d_float_rounded" numeric(5, 2) DEFAULT 123.46 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_float_rounded" DROP DEFAULT;
--
-- Add field d_float_whole to series
--
ALTER TABLE "features_series" ADD COLUMN "d_float_whole" numeric(5, 2) DEFAULT 2 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_float_whole" DROP DEFAULT;
--
-- Add field d_negative_int to series
--
ALTER TABLE "features_series" ADD COLUMN "d_negative_int" numeric(5, 2) DEFAULT  -3 NOT NULL;
ALTER TABLE "features_series" ALTER COLUMN "d_negative_int" DROP DEFAULT;
COMMIT;
