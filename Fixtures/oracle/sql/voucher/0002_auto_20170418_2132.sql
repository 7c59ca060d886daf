BEGIN;
--
-- Alter field date_created on voucher
--
ALTER TABLE "voucher_voucher" ALTER COLUMN "date_created" TYPE timestamp with time zone USING "date_created"::timestamp with time zone;
--
-- Alter field date_created on voucherapplication
--
ALTER TABLE "voucher_voucherapplication" ALTER COLUMN "date_created" TYPE timestamp with time zone USING "date_created"::timestamp with time zone;
COMMIT;
