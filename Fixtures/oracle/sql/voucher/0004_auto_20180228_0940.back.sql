BEGIN;
--
-- Add field voucher_set to voucher
--
SET CONSTRAINTS "voucher_voucher_voucher_set_id_17b96a54_fk_voucher_v" IMMEDIATE; ALTER TABLE "voucher_voucher" DROP CONSTRAINT "voucher_voucher_voucher_set_id_17b96a54_fk_voucher_v";
ALTER TABLE "voucher_voucher" DROP COLUMN "voucher_set_id" CASCADE;
--
-- Create model VoucherSet
--
DROP TABLE "voucher_voucherset" CASCADE;
COMMIT;
