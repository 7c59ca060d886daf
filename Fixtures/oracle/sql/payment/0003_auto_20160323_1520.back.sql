BEGIN;
--
-- Alter field reference on source
--
ALTER TABLE "payment_source" ALTER COLUMN "reference" TYPE varchar(128);
COMMIT;
