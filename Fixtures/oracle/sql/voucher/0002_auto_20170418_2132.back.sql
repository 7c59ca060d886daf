BEGIN;
--
-- Alter field date_created on voucherapplication
--
ALTER TABLE "voucher_voucherapplication" ALTER COLUMN "date_created" TYPE date USING "date_created"::date;
--
-- Alter field date_created on voucher
--
ALTER TABLE "voucher_voucher" ALTER COLUMN "date_created" TYPE date USING "date_created"::date;
COMMIT;
