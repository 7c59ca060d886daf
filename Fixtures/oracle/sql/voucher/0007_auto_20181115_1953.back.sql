BEGIN;
--
-- Alter field start_datetime on voucher
--
DROP INDEX IF EXISTS "voucher_voucher_start_datetime_bfb7df84";
--
-- Alter field end_datetime on voucher
--
DROP INDEX IF EXISTS "voucher_voucher_end_datetime_db182297";
COMMIT;
