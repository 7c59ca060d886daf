BEGIN;
--
-- Alter field count on voucherset
--
ALTER TABLE "voucher_voucherset" DROP CONSTRAINT "voucher_voucherset_count_69b7878e_check";
COMMIT;
