BEGIN;
--
-- Create model VoucherApplication
--
DROP TABLE "voucher_voucherapplication" CASCADE;
--
-- Create model Voucher
--
DROP TABLE "voucher_voucher_offers" CASCADE;
DROP TABLE "voucher_voucher" CASCADE;
COMMIT;
