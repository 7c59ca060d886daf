BEGIN;
--
-- Add field label to series
--
ALTER TABLE "features_series" ADD COLUMN "label" varchar(30) NULL;
--
-- Alter field label on series
--
-- (no-op)
COMMIT;
