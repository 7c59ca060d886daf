BEGIN;
--
-- Alter field label on series
--
-- (no-op)
--
-- Add field label to series
--
ALTER TABLE "features_series" DROP COLUMN "label" CASCADE;
COMMIT;
