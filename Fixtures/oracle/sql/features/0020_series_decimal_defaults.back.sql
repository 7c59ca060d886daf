BEGIN;
--
-- Add field d_negative_int to series
--
ALTER TABLE "features_series" DROP COLUMN "d_negative_int" CASCADE;
--
-- Add field d_float_whole to series
--
ALTER TABLE "features_series" DROP COLUMN "d_float_whole" CASCADE;
--
-- Add field d_float_rounded to series
--
ALTER TABLE "features_series" DROP COLUMN "d_float_rounded" CASCADE;
--
-- Add field d_float to series
--
ALTER TABLE "features_series" DROP COLUMN "d_float" CASCADE;
--
-- Add field d_string to series
--
ALTER TABLE "features_series" DROP COLUMN "d_string" CASCADE;
--
-- Add field d_from_float to series
--
ALTER TABLE "features_series" DROP COLUMN "d_from_float" CASCADE;
--
-- Add field d_int to series
--
ALTER TABLE "features_series" DROP COLUMN "d_int" CASCADE;
--
-- Add field d_small to series
--
ALTER TABLE "features_series" DROP COLUMN "d_small" CASCADE;
--
-- Add field d_exponent to series
--
ALTER TABLE "features_series" DROP COLUMN "d_exponent" CASCADE;
--
-- Add field d_negative to series
--
ALTER TABLE "features_series" DROP COLUMN "d_negative" CASCADE;
--
-- Add field d_zero to series
--
ALTER TABLE "features_series" DROP COLUMN "d_zero" CASCADE;
COMMIT;
