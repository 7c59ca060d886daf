BEGIN;
--
-- Alter field date_created on voucherset
--
DROP INDEX IF EXISTS "voucher_voucherset_date_created_3dd68c8e";
--
-- Alter field date_created on voucherapplication
--
DROP INDEX IF EXISTS "voucher_voucherapplication_date_created_2d9acdaf";
--
-- Alter field date_created on voucher
--
DROP INDEX IF EXISTS "voucher_voucher_date_created_f3081a03";
--
-- Change Meta options on voucherset
--
-- (no-op)
--
-- Change Meta options on voucherapplication
--
-- (no-op)
--
-- Change Meta options on voucher
--
-- (no-op)
COMMIT;
