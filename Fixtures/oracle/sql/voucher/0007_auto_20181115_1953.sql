BEGIN;
--
-- Alter field end_datetime on voucher
--
CREATE INDEX "voucher_voucher_end_datetime_db182297" ON "voucher_voucher" ("end_datetime");
--
-- Alter field start_datetime on voucher
--
CREATE INDEX "voucher_voucher_start_datetime_bfb7df84" ON "voucher_voucher" ("start_datetime");
COMMIT;
